package be.buurtstem.analysis.coding;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines machine codes with analysts' decisions. Pure.
 * <p>For each theme the latest decision on it wins: confirm and add put the theme in, remove takes it out; themes no
 * analyst decided on keep the machine's verdict. So a new model version can change only what nobody has decided:
 * decisions are never overwritten by machine codes.
 */
public final class Decisions {
    private Decisions() {
    }

    /** The themes of an answer: the machine's codes, overruled by the decisions on that answer. */
    public static Set<String> resolve(List<String> machineThemes, List<AnalystDecision> decisionsOnAnswer) {
        Set<String> out = new LinkedHashSet<>(machineThemes);
        Map<String, AnalystDecision> latest = latestPerTheme(decisionsOnAnswer);
        for (AnalystDecision d : latest.values()) {
            if (d.action() == AnalystDecision.Action.REMOVE) {
                out.remove(d.theme());
            } else {
                out.add(d.theme());
            }
        }
        return out;
    }

    /** True when the themes of the answer no longer depend on the machine: some analyst has decided on it. */
    public static boolean reviewed(List<AnalystDecision> decisionsOnAnswer) {
        return !decisionsOnAnswer.isEmpty();
    }

    /** The latest decision per theme (by time, then by order given). */
    public static Map<String, AnalystDecision> latestPerTheme(List<AnalystDecision> decisions) {
        Map<String, AnalystDecision> latest = new HashMap<>();
        decisions.stream().sorted(Comparator.comparing(AnalystDecision::at))
                .forEachOrdered(d -> latest.put(d.theme(), d));
        return latest;
    }
}
