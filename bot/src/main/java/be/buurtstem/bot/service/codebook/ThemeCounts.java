package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.ThemeRelabels;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coded answers per theme as analysts see them: the machine's codes (one aggregation over {@code answers}),
 * corrected on the answers analysts decided on (their themes replace the machine's there). Themes are counted under
 * the name they have today (a code of a theme merged away counts for the one it went into).
 */
final class ThemeCounts {
    private final Store store;
    private final ThemeRelabels relabels;
    private final DecisionStore decisions;

    ThemeCounts(Store store, DecisionStore decisions) {
        this.store = store;
        this.relabels = store.themeRelabels();
        this.decisions = decisions;
    }

    Map<String, Long> coded(EffectiveCodebook book) {
        Map<String, Long> out = new HashMap<>();
        relabels.machineCounts().forEach((t, n) -> out.merge(book.canonical(t), n, Long::sum));
        Map<String, List<AnalystDecision>> reviewed = decisions.byAnswer(null);
        if (reviewed.isEmpty()) {
            return out;
        }
        for (AnswerRecord r : store.answerRepository().find(reviewed.keySet())) {
            List<String> machine = r.machineThemes().stream().map(book::canonical).distinct().toList();
            machine.forEach(t -> out.merge(t, -1L, Long::sum));
            for (String t : Decisions.resolve(machine, reviewed.get(r.id()))) {
                out.merge(book.canonical(t), 1L, Long::sum);
            }
        }
        out.values().removeIf(n -> n <= 0);
        return out;
    }

    long toReview(String theme) {
        return relabels.markedForReview(theme);
    }
}
