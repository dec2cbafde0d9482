package be.buurtstem.analysis.saturation;

import be.buurtstem.analysis.saturation.Representation.Row;
import be.buurtstem.analysis.saturation.Representation.Rule;
import be.buurtstem.analysis.saturation.Representation.Verdict;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepresentationTest {
    static final Rule RULE = new Rule(30, 0.5, 0.05);

    static Map<String, Double> shares(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    static Map<String, Long> heard(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    static Verdict verdict(List<Row> rows, String value) {
        return rows.stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow().verdict();
    }

    @Test
    void silentThinUnderAndHeardFromTheNeighbourhoodsLanguages() {
        // 40 % nl, 25 % ar, 20 % fr, 15 % tr; heard 120 residents: 90 nl, 6 ar, 24 fr, none tr
        List<Row> rows = Representation.compare(shares("nl", 40, "ar", 25, "fr", 20, "tr", 15),
                heard("nl", 90, "ar", 6, "fr", 24), RULE);
        assertEquals(List.of("nl", "ar", "fr", "tr"), rows.stream().map(Row::value).toList());
        assertEquals(Verdict.HEARD, verdict(rows, "nl"));
        assertEquals(Verdict.UNDER_REPRESENTED, verdict(rows, "ar"), "6 of 120 where 30 were expected");
        assertEquals(Verdict.THIN, verdict(rows, "fr"), "24 of 120 is in proportion, but fewer than 30");
        assertEquals(Verdict.SILENT, verdict(rows, "tr"));
        Row ar = rows.get(1);
        assertEquals(0.25, ar.expectedShare(), 1e-12);
        assertEquals(30.0, ar.expectedResidents(), 1e-9);
        assertEquals(0.05, ar.heardShare(), 1e-12);
    }

    @Test
    void numbersOfInhabitantsAreNormalisedLikeShares() {
        List<Row> rows = Representation.compare(Map.of("noord", 3000), heard("noord", 5), RULE);
        assertEquals(1.0, rows.get(0).expectedShare(), 1e-12);
        List<Row> areas = Representation.compare(shares("noord", 3000, "zuid", 1000), heard("noord", 60, "zuid", 20),
                new Rule(10, 0.5, 0.05));
        assertEquals(0.75, areas.get(0).expectedShare(), 1e-12);
        assertEquals(Verdict.HEARD, verdict(areas, "noord"));
        assertEquals(Verdict.HEARD, verdict(areas, "zuid"));
    }

    @Test
    void aLowShareInASmallSampleIsChanceNotUnderRepresentation() {
        // 1 of 8 residents where a third was expected: below half the share, but quite likely by chance
        List<Row> small = Representation.compare(shares("a", 1, "b", 2), heard("a", 1, "b", 7), new Rule(0, 0.5, 0.05));
        assertEquals(Verdict.HEARD, verdict(small, "a"));
        // 8 of 60 where a third was expected: a low share in a sample large enough to rule out chance
        List<Row> large = Representation.compare(shares("a", 1, "b", 2), heard("a", 8, "b", 52), new Rule(0, 0.5, 0.05));
        assertEquals(Verdict.UNDER_REPRESENTED, verdict(large, "a"));
        // 14 of 60: below the expected 20, but not below half of it
        List<Row> fair = Representation.compare(shares("a", 1, "b", 2), heard("a", 14, "b", 46), new Rule(0, 0.5, 0.05));
        assertEquals(Verdict.HEARD, verdict(fair, "a"));
    }

    @Test
    void valuesHeardButNotExpectedComeLastWithoutShare() {
        List<Row> rows = Representation.compare(shares("nl", 1), heard("en", 3, "nl", 40), RULE);
        assertEquals(List.of("nl", "en"), rows.stream().map(Row::value).toList());
        assertNull(rows.get(1).expectedShare());
        assertNull(rows.get(1).expectedResidents());
        assertEquals(Verdict.THIN, rows.get(1).verdict());
    }

    @Test
    void withoutExpectationsOnlyThinGroupsAreNamed() {
        List<Row> rows = Representation.compare(Map.of(), heard("noord", 40, "zuid", 2), RULE);
        assertEquals(Verdict.HEARD, verdict(rows, "noord"));
        assertEquals(Verdict.THIN, verdict(rows, "zuid"));
    }

    @Test
    void aZeroShareNotHeardGivesNoRowAndNobodyHeardMakesEveryExpectedGroupSilent() {
        assertEquals(List.of("a"), Representation.compare(shares("a", 1, "b", 0), heard(), RULE).stream()
                .map(Row::value).toList());
        assertEquals(Verdict.SILENT, Representation.compare(shares("a", 1), heard(), RULE).get(0).verdict());
    }

    @Test
    void negativeSharesAndBadRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Representation.compare(shares("a", -1), heard(), RULE));
        assertThrows(IllegalArgumentException.class, () -> new Rule(5, 0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new Rule(5, 0.5, 1));
    }

    @Test
    void binomialTail() {
        assertEquals(1.0, Representation.binomialAtMost(5, 5, 0.3), 1e-12);
        assertEquals(Math.pow(0.5, 10), Representation.binomialAtMost(0, 10, 0.5), 1e-15);
        assertEquals(11 * Math.pow(0.5, 10), Representation.binomialAtMost(1, 10, 0.5), 1e-15);
        // large n stays finite and sensible: P(X <= 500 | 1000, 0.5) is just above one half
        double half = Representation.binomialAtMost(500, 1000, 0.5);
        assertEquals(0.5126, half, 1e-3);
    }
}
