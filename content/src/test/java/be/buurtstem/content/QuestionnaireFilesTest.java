package be.buurtstem.content;

import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Validator;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.text.Renderer;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled questionnaire files: they load cleanly, speak all five languages, and their texts format well. */
class QuestionnaireFilesTest {

    static Stream<String> questionnaires() {
        return Bundled.QUESTIONNAIRES.stream();
    }

    /** Sample values for plural arguments: every CLDR category of nl, fr, ar, tr and en is reached. */
    private static final long[] COUNTS = {0, 1, 2, 3, 11, 100};

    @ParameterizedTest
    @MethodSource("questionnaires")
    void loadsWithoutAnyProblem(String id) {
        LoadResult r = Content.load(id);
        assertNotNull(r.questionnaire(), id);
        assertEquals(List.of(), r.problems().stream().map(Object::toString).toList(), id + ".yaml");
        Questionnaire q = r.questionnaire();
        assertEquals(id, q.id());
        assertEquals(Content.LANGUAGES, q.languages());
        assertEquals("nl", q.defaultLanguage());
    }

    /** The engine's validator finds nothing at all: no errors and no warnings (a warning is a missing translation). */
    @ParameterizedTest
    @MethodSource("questionnaires")
    void validatorFindsNoProblem(String id) {
        Questionnaire q = Content.questionnaire(id);
        assertEquals(List.of(), Validator.validate(q).stream().map(Object::toString).toList(), id + ".yaml");
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyTextIsWrittenInAllFiveLanguages(String id) {
        List<String> gaps = new ArrayList<>();
        for (Content.Located t : Content.texts(Content.questionnaire(id))) {
            if (t.where().startsWith("texts.")) {
                continue; // overrides of system texts fall back to the engine's own translations
            }
            if (t.text().neutral()) {
                gaps.add(t.where() + " is a plain string; only emoji or URLs may be language-neutral");
                continue;
            }
            Set<String> langs = t.text().patterns().keySet();
            if (!langs.equals(Set.copyOf(Content.LANGUAGES))) {
                gaps.add(t.where() + " has " + langs);
            }
            t.text().patterns().forEach((l, p) -> {
                if (p.isBlank()) {
                    gaps.add(t.where() + "." + l + " is empty");
                }
            });
        }
        assertEquals(List.of(), gaps);
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void everyPatternFormatsInEveryLanguage(String id) {
        Questionnaire q = Content.questionnaire(id);
        Map<String, Node> nodes = new HashMap<>();
        Content.allNodes(q.nodes()).forEach(n -> nodes.put(n.id(), n));
        List<String> failures = new ArrayList<>();
        int formatted = 0;
        for (Content.Located t : Content.texts(q)) {
            for (Map.Entry<String, String> e : t.text().patterns().entrySet()) {
                String lang = e.getKey();
                String where = id + ":" + t.where() + "." + lang;
                MessageFormat f;
                try {
                    f = new MessageFormat(e.getValue(), ULocale.forLanguageTag(lang));
                } catch (IllegalArgumentException ex) {
                    failures.add(where + ": does not parse: " + ex.getMessage());
                    continue;
                }
                for (long count : COUNTS) {
                    Map<String, Object> args = new HashMap<>();
                    for (String name : f.getArgumentNames()) {
                        Node n = nodes.get(name);
                        boolean numeric = name.equals("iteration") || name.startsWith("count_")
                                || (n != null && (n.kind() == Kind.NUMBER || n.kind() == Kind.SCALE));
                        if (!numeric && n == null) {
                            failures.add(where + ": argument {" + name + "} names no question");
                        }
                        args.put(name, numeric ? (Object) count : "Fatima");
                    }
                    String out;
                    try {
                        out = f.format(args);
                        formatted++;
                    } catch (IllegalArgumentException ex) {
                        failures.add(where + ": does not format with " + args + ": " + ex.getMessage());
                        continue;
                    }
                    if (out.contains("{") || out.contains("}")) {
                        failures.add(where + ": left a brace in \"" + out + "\"");
                    }
                    failures.addAll(checkOutput(where, lang, out));
                    if (f.getArgumentNames().isEmpty()) {
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), failures.stream().limit(15).toList(), failures.size() + " failures");
        assertTrue(formatted > 100, "formatted " + formatted + " texts");
    }

    /** Typography that differs per language, checked on what the resident actually sees. */
    static List<String> checkOutput(String where, String lang, String out) {
        List<String> f = new ArrayList<>();
        switch (lang) {
            case "ar" -> {
                if (Content.firstStrong(out) != 'R') {
                    f.add(where + ": Arabic text must start right-to-left: \"" + out + "\"");
                }
                if (out.matches("(?s).*[?,;].*")) {
                    f.add(where + ": use ؟ ، ؛ in Arabic, not ? , ; : \"" + out + "\"");
                }
            }
            case "fr" -> {
                if (out.matches("(?s).*[^\\s\\u00a0][?!;»].*") || out.matches("(?s).*[^\\s\\u00a0\\d]:(\\s|$).*") || out.contains("«\u0020")) {
                    f.add(where + ": French needs a no-break space before ? ! : ; » and after «: \"" + out + "\"");
                }
            }
            default -> {
            }
        }
        if (out.contains("'")) {
            f.add(where + ": use ’ instead of ' (an ICU quote character): \"" + out + "\"");
        }
        if (out.contains("  ") || !out.equals(out.strip())) {
            f.add(where + ": stray spaces: \"" + out + "\"");
        }
        return f;
    }

    private static final Pattern INFORMAL_NL = Pattern.compile("(?iu)\\b(je|jij|jou|jouw|jullie)\\b");

    @ParameterizedTest
    @MethodSource("questionnaires")
    void dutchAddressesResidentsWithU(String id) {
        List<String> informal = new ArrayList<>();
        for (Content.Located t : Content.texts(Content.questionnaire(id))) {
            String nl = t.text().patterns().get("nl");
            if (nl != null && INFORMAL_NL.matcher(nl).find()) {
                informal.add(t.where() + ": " + nl);
            }
        }
        assertEquals(List.of(), informal);
    }

    /** Plain language: short sentences. B1 aims at 10–13 words; a few may run longer, none beyond 20. */
    @ParameterizedTest
    @MethodSource("questionnaires")
    void sentencesStayShort(String id) {
        List<String> tooLong = new ArrayList<>();
        int words = 0;
        int sentences = 0;
        for (Content.Located t : Content.texts(Content.questionnaire(id))) {
            for (Map.Entry<String, String> e : t.text().patterns().entrySet()) {
                MessageFormat f = new MessageFormat(e.getValue(), ULocale.forLanguageTag(e.getKey()));
                Map<String, Object> args = new HashMap<>();
                for (String name : f.getArgumentNames()) {
                    args.put(name, name.equals("iteration") || name.startsWith("count_") ? (Object) 3L : "Fatima");
                }
                for (String s : f.format(args).split("(?<=[.?!؟:…])\\s+")) {
                    int n = (int) Stream.of(s.strip().split("\\s+")).filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
                    if (n == 0) {
                        continue;
                    }
                    if (!t.where().contains(".options.")) {
                        words += n;
                        sentences++;
                    }
                    if (n > 20) {
                        tooLong.add(t.where() + "." + e.getKey() + " (" + n + " words): " + s);
                    }
                }
            }
        }
        assertEquals(List.of(), tooLong);
        double mean = (double) words / sentences;
        assertTrue(mean <= 13, id + ": mean sentence length " + mean);
        System.out.printf("%s: %d sentences in questions and messages, mean %.1f words%n", id, sentences, mean);
    }

    /**
     * What the engine itself says to a resident of this questionnaire in Dutch (reprompts, help, stop, delete, …:
     * the questionnaire's override of a system text if it has one, else the engine's own) addresses them with "u",
     * never "je", "jij" or "jouw", like the questions. Overrides must use the engine's keys and ICU arguments, and an
     * override that only repeats the engine's text is reported: the engine is polite itself, so the bundled files
     * need none.
     */
    @ParameterizedTest
    @MethodSource("questionnaires")
    @SuppressWarnings("unchecked")
    void systemTextsArePoliteInDutch(String id) {
        Map<String, Object> builtIn = (Map<String, Object>) ((Map<String, Object>) new org.snakeyaml.engine.v2.api.Load(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                .loadFromString(Bundled.read("/be/buurtstem/engine/system-texts.yaml"))).get("texts");
        Questionnaire q = Content.questionnaire(id);
        Renderer renderer = new Renderer(q);
        List<String> problems = new ArrayList<>();
        for (String key : builtIn.keySet()) {
            MessageFormat f = new MessageFormat(((Map<String, String>) builtIn.get(key)).get("nl"), ULocale.forLanguageTag("nl"));
            Map<String, Object> args = new HashMap<>();
            for (String name : f.getArgumentNames()) {
                args.put(name, name.equals("selected") || name.equals("option") ? "Fatima" : (Object) 3L);
            }
            String shown = renderer.system(key, "nl", args);
            if (shown == null || shown.isBlank()) {
                problems.add(key + " shows nothing in Dutch");
            } else if (INFORMAL_NL.matcher(shown).find()) {
                problems.add(key + " is informal in Dutch: " + shown);
            }
        }
        q.texts().forEach((key, text) -> {
            Map<String, String> engine = (Map<String, String>) builtIn.get(key);
            if (engine == null) {
                problems.add("texts." + key + " is not a system text of the engine");
                return;
            }
            text.patterns().forEach((lang, p) -> {
                Set<String> ours = Set.copyOf(new MessageFormat(p, ULocale.forLanguageTag(lang)).getArgumentNames());
                Set<String> theirs = Set.copyOf(new MessageFormat(engine.get(lang), ULocale.forLanguageTag(lang)).getArgumentNames());
                if (!ours.equals(theirs)) {
                    problems.add("texts." + key + "." + lang + " uses " + ours + ", the engine " + theirs);
                }
                if (p.equals(engine.get(lang))) {
                    problems.add("texts." + key + "." + lang + " only repeats the engine's text");
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    /** One question per message; a message that asks nothing back does not ask a question either. */
    @ParameterizedTest
    @MethodSource("questionnaires")
    void oneQuestionPerMessage(String id) {
        List<String> problems = new ArrayList<>();
        for (Content.Located t : Content.texts(Content.questionnaire(id))) {
            if (t.node() == null || t.where().contains(".options.")) {
                continue;
            }
            boolean info = t.node().kind() == Kind.MESSAGE || t.node().kind() == Kind.END;
            t.text().patterns().forEach((lang, p) -> {
                long questions = p.chars().filter(c -> c == '?' || c == '؟').count();
                if (questions > 1 || (info && questions > 0)) {
                    problems.add(t.where() + "." + lang + " asks " + questions + " questions: " + p);
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("questionnaires")
    void startsWithConsentBeforeAnyQuestion(String id) {
        Questionnaire q = Content.questionnaire(id);
        List<Node> top = q.nodes();
        assertEquals("welcome", q.startId());
        assertEquals(Kind.MESSAGE, top.get(0).kind());
        assertEquals(Kind.CONSENT, top.get(1).kind());
        assertEquals(Kind.LANGUAGE, top.get(2).kind());
        assertNotNull(top.get(1).refused(), "a refusal says that nothing was kept");
        assertEquals(Kind.END, top.get(top.size() - 1).kind());
    }

    @Test
    void inclusiewebCoversTheThirteenLifeDomains() {
        Questionnaire q = Content.questionnaire("inclusieweb");
        int count = Content.allNodes(q.nodes()).size();
        assertTrue(count >= 25 && count <= 40, "inclusieweb has " + count + " nodes");
        List<String> domains = List.of("work", "learning", "leisure", "mobility", "housing", "help_services", "religion",
                "online", "public_space", "shops", "local_government", "family_friends", "key_figures");
        for (String d : domains) {
            Node gate = Content.node(q, d + "_matters");
            Node ask = Content.node(q, d);
            assertEquals(Kind.SINGLE_CHOICE, gate.kind(), d);
            assertEquals(Kind.FREE_TEXT, ask.kind(), d);
            assertEquals(d, gate.block());
            assertEquals(d, ask.block());
            assertTrue(ask.coded(), d + " is coded into themes");
            assertFalse(ask.required(), d + " can be skipped");
            assertEquals(d, gate.next(), "a domain that matters leads to its question");
            assertFalse(gate.routes().isEmpty(), "a domain that does not matter is skipped");
        }
        assertEquals(Kind.FREE_TEXT, Content.node(q, "change_one").kind());
        assertEquals("avoid_where", Content.node(q, "avoid_any").routes().get(0).target());
    }

    @Test
    void profileQuestionsAreOptionalSegmentsWithRatherNotSay() {
        Questionnaire q = Content.questionnaire("inclusieweb");
        Map<String, String> segments = Map.of("age_band", "age_band", "years_here", "years_here",
                "home_languages", "home_languages", "area", "area");
        segments.forEach((question, segment) -> {
            Node n = Content.node(q, question);
            assertEquals(segment, n.segment(), question);
            assertFalse(n.required(), question + " is optional");
        });
        for (String id : List.of("age_band", "years_here", "home_languages", "area_share")) {
            Option o = Content.node(q, id).option("rather_not_say");
            assertNotNull(o, id + " offers 'rather not say'");
        }
        assertTrue(Content.node(q, "home_languages").option("rather_not_say").exclusive());
        assertFalse(Content.node(q, "area").coded(), "a postcode or street is not coded into themes");
    }

    @Test
    void buurtkaartIsOneRepeatGroupWithTheMapQuestions() {
        Questionnaire q = Content.questionnaire("buurtkaart");
        Node map = Content.node(q, "map");
        assertEquals(Kind.REPEAT, map.kind());
        assertNotNull(map.more());
        assertEquals(List.of("entry_name", "entry_type", "entry_domain", "closeness", "give_receive", "support",
                "frequency", "influence", "energy"), map.nodes().stream().map(Node::id).toList());
        assertEquals(List.of("very_close", "close", "neutral", "far"),
                Content.node(q, "closeness").options().stream().map(Option::id).toList());
        assertEquals(List.of("energising", "neutral", "draining"),
                Content.node(q, "energy").options().stream().map(Option::id).toList());
        assertEquals(13, Content.node(q, "entry_domain").options().size());
        assertFalse(Content.node(q, "entry_name").coded(), "a name is not coded into themes");
    }

    @Test
    void stellingenAsksWhyOnlyAfterANegativeRating() {
        Questionnaire q = Content.questionnaire("stellingen");
        List<Node> scales = Content.allNodes(q.nodes()).stream().filter(n -> n.kind() == Kind.SCALE).toList();
        assertTrue(scales.size() >= 5 && scales.size() <= 8, scales.size() + " statements");
        Set<String> blocks = new LinkedHashSet<>();
        for (Node s : scales) {
            assertEquals(1, s.routes().size(), s.id());
            Node why = Content.node(q, s.routes().get(0).target());
            assertEquals(Kind.FREE_TEXT, why.kind());
            assertEquals(s.id() + "_why", why.id());
            assertEquals(s.next(), why.next(), "after the why, the same next statement");
            assertEquals(s.block(), why.block());
            blocks.add(s.block());
        }
        assertEquals(scales.size(), blocks.size(), "one block per statement");
    }
}
