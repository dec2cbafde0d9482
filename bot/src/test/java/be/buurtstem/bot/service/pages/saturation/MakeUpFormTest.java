package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.bot.service.saturation.ScopeSettings.Unit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MakeUpFormTest {

    static List<String> keys(MakeUpForm.Result r) {
        return r.problems().stream().map(MakeUpForm.Problem::key).toList();
    }

    @Test
    void percentagesAndNumbersOfInhabitantsInTheWaysPeopleWriteThem() {
        MakeUpForm.Result p = MakeUpForm.parse("nl 40 %\nar: 25%\n\nfr = 34,5 %\ntr 0.5%");
        assertTrue(p.ok(), p.problems().toString());
        assertEquals(Unit.PERCENT, p.field().unit());
        assertEquals(Map.of("nl", 40.0, "ar", 25.0, "fr", 34.5, "tr", 0.5), p.field().values());
        MakeUpForm.Result n = MakeUpForm.parse("Noord 3 200\nZuid-Oost 1.500\n1000 Brussel 12000\n18-25 40");
        assertTrue(n.ok(), n.problems().toString());
        assertEquals(Unit.PEOPLE, n.field().unit());
        assertEquals(List.of("Noord", "Zuid-Oost", "1000 Brussel", "18-25"), List.copyOf(n.field().values().keySet()));
        assertEquals(3200.0, n.field().values().get("Noord"));
        assertEquals(1500.0, n.field().values().get("Zuid-Oost"));
        assertEquals(12000.0, n.field().values().get("1000 Brussel"));
    }

    @Test
    void mistakesAreNamedWithTheirLine() {
        assertEquals(List.of("saturation.makeUp.error.sum"), keys(MakeUpForm.parse("noord 50 %\nzuid 30 %")));
        assertEquals(List.of("80"), MakeUpForm.parse("noord 50 %\nzuid 30 %").problems().get(0).args());
        MakeUpForm.Result neg = MakeUpForm.parse("nl 40 %\nar -25 %\nfr 35 %");
        assertEquals(List.of("saturation.makeUp.error.negative"), keys(neg));
        assertEquals(List.of(2, "ar"), neg.problems().get(0).args());
        assertEquals(List.of("saturation.makeUp.error.line"), keys(MakeUpForm.parse("noord veel")));
        assertEquals(List.of("saturation.makeUp.error.mixed"), keys(MakeUpForm.parse("nl 40 %\nfr 300")));
        assertEquals(List.of("saturation.makeUp.error.twice"), keys(MakeUpForm.parse("nl 3\nnl 4")));
        assertEquals(List.of("saturation.makeUp.error.over100"), keys(MakeUpForm.parse("nl 140 %")));
        assertEquals(List.of("saturation.makeUp.error.zero"), keys(MakeUpForm.parse("nl 0\nfr 0")));
        // rounding to whole percentages may miss 100 by one
        assertTrue(MakeUpForm.parse("a 33 %\nb 33 %\nc 33 %").ok());
    }

    @Test
    void anEmptyBoxClearsTheFieldAndFormatGivesBackWhatWasTyped() {
        MakeUpForm.Result empty = MakeUpForm.parse("  \n");
        assertTrue(empty.ok());
        assertNull(empty.field());
        MakeUpForm.Result p = MakeUpForm.parse("nl 40 %\nfr 60 %");
        assertEquals("nl 40 %\nfr 60 %\n", MakeUpForm.format(p.field()));
        assertEquals(p.field(), MakeUpForm.parse(MakeUpForm.format(p.field())).field());
    }

    @Test
    void thresholdsInPageUnits() {
        ThresholdsForm.Result r = ThresholdsForm.parse(Map.of("min_respondents", "40", "coverage", "97,5 %",
                "silence_after_days", "7", "hold_fraction", ""));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(Map.of("min_respondents", 40.0, "coverage", 0.975, "silence_after_days", 7.0), r.values());
        ThresholdsForm.Result bad = ThresholdsForm.parse(Map.of("min_respondents", "2.5", "coverage", "100",
                "min_mentions", "huit"));
        assertEquals("saturation.settings.error.wholeRange", bad.problems().get("min_respondents").key());
        assertEquals("saturation.settings.error.range", bad.problems().get("coverage").key());
        assertEquals("saturation.settings.error.number", bad.problems().get("min_mentions").key());
        assertTrue(bad.values().isEmpty());
    }
}
