package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Store;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One analyst's review of one answer, as the review queue sends it: the themes the answer should have. It becomes
 * decisions theme by theme ({@code codings}, with the signed-in account as {@code analyst}): confirm each theme coded
 * now that stays, remove each that goes, add each new one; "no theme fits" on an answer coded with none removes the
 * theme offered first (the machine's best guess) (so it counts as reviewed and teaches the coder that the guess was wrong). Each is audited
 * without personal data, saturation is recounted and the coder learns ({@link Learning#decisionRecorded}, which
 * starts a retraining after enough decisions). An undo takes back the decisions of one review, only one's own.
 */
@Component
public class Reviewing {
    private final Store store;
    private final DecisionStore decisions;
    private final Learning learning;
    private final SaturationService saturation;
    private final Clock clock = Clock.systemUTC();

    public Reviewing(Store store, DecisionStore decisions, Learning learning, SaturationService saturation) {
        this.store = store;
        this.decisions = decisions;
        this.learning = learning;
        this.saturation = saturation;
    }

    /** The decisions one review made (their ids, for an undo) and the answer's themes after it. */
    public record Outcome(List<String> decisionIds, Set<String> themes) {
    }

    /**
     * Records a review; {@code themes} must be codebook themes (the caller checks). {@code guess}: the theme offered
     * first, which "no theme fits" says no to on an answer coded with none.
     */
    public Outcome review(AnswerRecord answer, Collection<String> themes, String guess, String analyst) {
        List<AnalystDecision> before = decisions.forAnswer(answer.id());
        Set<String> now = Decisions.resolve(answer.machineThemes(), before);
        Set<String> wanted = new LinkedHashSet<>(themes);
        Instant at = clock.instant();
        List<AnalystDecision> made = new ArrayList<>();
        for (String t : now) {
            made.add(new AnalystDecision(answer.id(), t, wanted.contains(t) ? AnalystDecision.Action.CONFIRM
                    : AnalystDecision.Action.REMOVE, analyst, at));
        }
        for (String t : wanted) {
            if (!now.contains(t)) {
                made.add(new AnalystDecision(answer.id(), t, AnalystDecision.Action.ADD, analyst, at));
            }
        }
        if (made.isEmpty()) {
            if (guess == null) {
                return new Outcome(List.of(), Set.of()); // nothing offered, nothing to say no to: left as it is
            }
            made.add(new AnalystDecision(answer.id(), guess, AnalystDecision.Action.REMOVE, analyst, at));
        }
        List<String> ids = new ArrayList<>();
        for (AnalystDecision d : made) {
            String id = decisions.record(answer, d);
            ids.add(id);
            // audit without personal data: neither the answer id (it holds the respondent id) nor the text
            Map<String, Object> audited = new LinkedHashMap<>();
            audited.put("decision", id);
            audited.put("questionnaire", answer.answer().questionnaire());
            audited.put("theme", d.theme());
            audited.put("action", d.action().name().toLowerCase(Locale.ROOT));
            audited.put("by", analyst);
            store.audit("analyst_decision", audited, at);
        }
        store.durability().sync(); // on disk before the analyst is told it is stored
        saturation.markDirty();
        for (int i = 0; i < made.size(); i++) {
            learning.decisionRecorded();
        }
        List<AnalystDecision> after = new ArrayList<>(before);
        after.addAll(made);
        return new Outcome(List.copyOf(ids), Decisions.resolve(answer.machineThemes(), after));
    }

    /** Takes back decisions of this analyst (an undo); returns how many were taken back. */
    public int undo(Collection<String> decisionIds, String analyst) {
        int n = 0;
        for (String id : decisionIds) {
            if (decisions.remove(id, analyst)) {
                n++;
                store.audit("analyst_decision_undone", Map.of("decision", id, "by", analyst), clock.instant());
            }
        }
        if (n > 0) {
            store.durability().sync();
            saturation.markDirty();
        }
        return n;
    }

}
