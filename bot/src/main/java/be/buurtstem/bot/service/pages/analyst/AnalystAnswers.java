package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.StoredCoding;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The free-text answers as the analysts' pages read them. A selection reads the answers without their words (the
 * store narrows to questionnaire, question and chosen language), applies the rest of the filter with the analysts'
 * decisions in memory (themes as coded now, certainty, segment, reviewed), and reads the words of the one page shown
 * only. The review queue is the unreviewed coded answers, least certain first.
 */
@Component
public class AnalystAnswers {
    public static final int PAGE_SIZE = 25;
    /** Themes offered under the digits 1-9 in the review queue. */
    static final int CANDIDATES = 9;

    private final Answers answers;
    private final DecisionStore decisions;
    private final Coders coders;
    private final AnswerRefs refs;
    private final be.buurtstem.bot.service.store.ThemeRelabels relabels;

    public AnalystAnswers(be.buurtstem.bot.service.store.Store store, DecisionStore decisions, Coders coders,
                          RespondentIds ids) {
        this.answers = store.answerRepository();
        this.relabels = store.themeRelabels();
        this.decisions = decisions;
        this.coders = coders;
        this.refs = AnswerRefs.from(ids);
    }

    /** One page of a selection: how many answers match in all, and the page's answers. */
    public record Page(long total, int page, int pages, List<AnswerView> answers) {
    }

    /** What the filter form offers, from the answers stored (sorted; segments as {@code name=value}). */
    public record Options(Set<String> questionnaires, Set<String> questions, Set<String> languages,
                          Set<String> detected, Set<String> segments, Map<String, String> themes) {
    }

    public Page select(AnswerQuery q, Locale locale) {
        Map<String, List<AnalystDecision>> byAnswer = decisions.byAnswer(null);
        List<String> ids = new ArrayList<>();
        answers.eachWithoutText(Answers.FreeText.of(q.questionnaire()), q.question(), q.language(), r -> {
            if (q.matches(r, byAnswer.getOrDefault(r.id(), List.of()))) {
                ids.add(r.id());
            }
        });
        int pages = Math.max(1, (ids.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = Math.min(ids.size(), q.page() * PAGE_SIZE);
        List<String> shown = ids.subList(from, Math.min(ids.size(), from + PAGE_SIZE));
        return new Page(ids.size(), q.page(), pages, views(shown, byAnswer, locale));
    }

    /** The next answers to review and how many wait in all (skipped ones included), from one read. */
    public record Queue(List<AnswerView> answers, long waiting) {
    }

    /**
     * The next answers to review: coded, no analyst decided on them yet, least certain first (ties: oldest first),
     * leaving out those the analyst skipped. Answers a split of their theme marked for review come first, decided on
     * or not: the theme they were coded with now has parts to choose from (a decision clears the mark).
     */
    public Queue queue(String questionnaire, Set<String> skippedRefs, int size, Locale locale) {
        Set<String> skipped = new java.util.HashSet<>();
        for (String ref : skippedRefs) {
            refs.answerId(ref).ifPresent(skipped::add);
        }
        record Waiting(String id, boolean marked, double top) {
        }
        List<Waiting> waiting = new ArrayList<>();
        long[] all = {0};
        eachWaiting(questionnaire, (r, marked) -> {
            all[0]++;
            if (!skipped.contains(r.id())) {
                waiting.add(new Waiting(r.id(), marked, Certainty.top(r.coding())));
            }
        });
        // stable: answers read oldest first keep that order among equal scores
        waiting.sort(Comparator.comparing((Waiting w) -> !w.marked()).thenComparingDouble(Waiting::top));
        List<String> ids = waiting.stream().limit(size).map(Waiting::id).toList();
        return new Queue(views(ids, decisions.byAnswer(ids), locale), all[0]);
    }

    /** How many answers wait for review (coded, no decision yet, or marked again by a split). */
    public long waiting(String questionnaire) {
        long[] n = {0};
        eachWaiting(questionnaire, (r, marked) -> n[0]++);
        return n[0];
    }

    /**
     * Each answer waiting for review, oldest first, and whether a split marked it again. Still a full read of the
     * questionnaire's coded answers (without their words) per request: "no decision yet" lives in the decisions and
     * "marked" in the theme relabels, so the store cannot select them alone; one walk, where a count of the
     * undecided and a walk for the marked ones read them twice.
     */
    private void eachWaiting(String questionnaire, java.util.function.BiConsumer<AnswerRecord, Boolean> action) {
        Set<String> reviewed = decisions.reviewedAnswers();
        Set<String> marked = new java.util.HashSet<>(relabels.idsMarkedForReview());
        answers.eachWithoutText(Answers.FreeText.of(questionnaire).coded(true), null, null, r -> {
            boolean again = marked.contains(r.id());
            if (again || !reviewed.contains(r.id())) {
                action.accept(r, again);
            }
        });
    }

    /** One answer by its reference, if it is a stored free-text answer. */
    public Optional<AnswerRecord> byRef(String ref) {
        return refs.answerId(ref).flatMap(answers::find)
                .filter(r -> Answers.FREE_TEXT.equals(r.answer().kind()));
    }

    public AnswerView view(AnswerRecord r, Locale locale) {
        return view(r, decisions.forAnswer(r.id()), labels(locale));
    }

    /**
     * What the filter form offers, read at most every {@link #OPTIONS_FOR} (a full read of the answers without their
     * words: on 10,000 answers it took as long as the selection itself, and the values change slowly).
     */
    public Options options(Locale locale) {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.at() > OPTIONS_FOR.toNanos()) {
            c = new Cached(readOptions(), now);
            cached = c;
        }
        Options o = c.options();
        return new Options(o.questionnaires(), o.questions(), o.languages(), o.detected(), o.segments(),
                labels(locale));
    }

    private record Cached(Options options, long at) {
    }

    static final java.time.Duration OPTIONS_FOR = java.time.Duration.ofSeconds(30);
    private volatile Cached cached;

    private Options readOptions() {
        Set<String> questionnaires = new TreeSet<>();
        Set<String> questions = new TreeSet<>();
        Set<String> languages = new TreeSet<>();
        Set<String> detected = new TreeSet<>();
        Set<String> segments = new TreeSet<>();
        answers.eachWithoutText(Answers.FreeText.all(), null, null, r -> {
            StoredAnswer a = r.answer();
            add(questionnaires, a.questionnaire());
            add(questions, a.question());
            add(languages, a.language());
            if (r.coding() != null) {
                add(detected, r.coding().language());
            }
            a.segments().forEach((k, v) -> {
                if (v != null && segments.size() < 200) {
                    segments.add(k + "=" + v);
                }
            });
        });
        // shared between requests, so never changed after this
        return new Options(java.util.Collections.unmodifiableSet(questionnaires),
                java.util.Collections.unmodifiableSet(questions), java.util.Collections.unmodifiableSet(languages),
                java.util.Collections.unmodifiableSet(detected), java.util.Collections.unmodifiableSet(segments),
                Map.of());
    }

    private static int percent(Double score) {
        return score == null ? 0 : (int) Math.round(score * 100);
    }

    private static void add(Set<String> to, String v) {
        if (v != null && !v.isBlank()) {
            to.add(v);
        }
    }

    /** The codebook's themes in its order, labelled in the page's language (English, else the id, when it has none). */
    public Map<String, String> labels(Locale locale) {
        Map<String, String> out = new java.util.LinkedHashMap<>(); // in the codebook's order
        Codebook cb = coders.codebook();
        for (Codebook.Theme t : cb.themes()) {
            String label = t.label().get(locale.getLanguage());
            if (label == null) {
                label = t.label().getOrDefault("en", t.id());
            }
            out.put(t.id(), label);
        }
        return out;
    }

    private List<AnswerView> views(List<String> ids, Map<String, List<AnalystDecision>> byAnswer, Locale locale) {
        Map<String, AnswerRecord> found = new HashMap<>();
        for (AnswerRecord r : answers.find(ids)) {
            found.put(r.id(), r);
        }
        Map<String, String> labels = labels(locale);
        List<AnswerView> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            AnswerRecord r = found.get(id);
            if (r != null) {
                out.add(view(r, byAnswer.getOrDefault(id, List.of()), labels));
            }
        }
        return out;
    }

    private AnswerView view(AnswerRecord r, List<AnalystDecision> ds, Map<String, String> labels) {
        StoredAnswer a = r.answer();
        StoredCoding c = r.coding();
        List<AnswerView.Code> codes = new ArrayList<>();
        if (c != null) {
            for (StoredCoding.Code code : c.codes()) {
                codes.add(new AnswerView.Code(code.theme(), labels.getOrDefault(code.theme(), code.theme()),
                        (int) Math.round(code.confidence() * 100)));
            }
        }
        Set<String> themes = new LinkedHashSet<>(Decisions.resolve(r.machineThemes(), ds));
        Map<String, Double> scores = c == null ? Map.of() : c.scores();
        List<AnswerView.Code> candidates = new ArrayList<>();
        for (String t : themes) {
            candidates.add(new AnswerView.Code(t, labels.getOrDefault(t, t), percent(scores.get(t))));
        }
        scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> !themes.contains(e.getKey()) && labels.containsKey(e.getKey()))
                .limit(Math.max(0, CANDIDATES - candidates.size()))
                .forEach(e -> candidates.add(new AnswerView.Code(e.getKey(), labels.get(e.getKey()),
                        percent(e.getValue()))));
        // the keyword coder scores only the themes whose words it found: fill up with the codebook's first themes,
        // so that the digits always have themes to offer
        for (String t : labels.keySet()) {
            if (candidates.size() >= CANDIDATES) {
                break;
            }
            if (candidates.stream().noneMatch(x -> x.theme().equals(t))) {
                candidates.add(new AnswerView.Code(t, labels.get(t), percent(scores.get(t))));
            }
        }
        List<AnswerView.Decided> decided = new ArrayList<>();
        for (AnalystDecision d : ds) {
            decided.add(new AnswerView.Decided(d.theme(), d.action().name().toLowerCase(Locale.ROOT), d.analyst(),
                    d.at().toString()));
        }
        String detected = c == null ? null : c.language();
        String lang = detected != null ? detected : a.language();
        Integer detectedPercent = c == null || c.languageConfidence() == null ? null
                : (int) Math.round(c.languageConfidence() * 100);
        return new AnswerView(refs.ref(a.id()), a.questionnaire(), a.question(), a.text() == null ? "" : a.text(),
                a.language(), detected, detectedPercent, c != null && Boolean.TRUE.equals(c.languageMismatch()),
                lang, TextDirection.of(lang), c == null ? null : (int) Math.round(Certainty.top(c) * 100), codes,
                List.copyOf(candidates.subList(0, Math.min(CANDIDATES, candidates.size()))), List.copyOf(themes),
                Decisions.reviewed(ds),
                decided, a.receivedAt() == null ? null : a.receivedAt().toString());
    }
}
