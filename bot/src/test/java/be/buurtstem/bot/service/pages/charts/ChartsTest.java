package be.buurtstem.bot.service.pages.charts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' markup: what an organiser's file can put in a label stays text, and small groups stay hidden. */
class ChartsTest {
    static final String EVIL = "<script>alert(1)</script>\" onload=\"x";

    @Test
    void labelsTitlesAndDescriptionsAreEscaped() {
        String[] charts = {
                HorizontalBars.render(EVIL, EVIL, List.of(new HorizontalBars.Bar(EVIL, 3, EVIL, 1)), EVIL),
                DayBars.render(EVIL, EVIL, List.of(new DayBars.Day(EVIL, 2))),
                StackedBars.render(EVIL, EVIL, List.of(EVIL, "b"), List.of(new StackedBars.Row(EVIL,
                        List.of(6, 7), 0, false)), false, EVIL)};
        for (String svg : charts) {
            assertFalse(svg.contains("<script"), svg);
            assertFalse(svg.contains("\" onload=\""), svg);
            assertTrue(svg.contains("&lt;script&gt;"), svg);
            assertTrue(svg.startsWith("<svg ") && svg.contains("role=\"img\"") && svg.contains("<title id=")
                    && svg.contains("<desc id="), svg);
            assertFalse(svg.contains("style="), "no inline style under the CSP");
        }
    }

    @Test
    void hiddenCellsAreOneGreyPartWithoutTheirNumbers() {
        String svg = StackedBars.render("t", "d", List.of("a", "b", "c"),
                List.of(new StackedBars.Row("noord", Arrays.asList(20, null, null), 5, false)), false, "fewer than 5");
        assertTrue(svg.contains(">20<"), svg);
        assertFalse(svg.contains(">2<") || svg.contains(">3<"), "hidden counts are not written: " + svg);
        assertEquals(2, svg.split("fill=\"" + Svg.HIDDEN + "\"", -1).length - 1, "legend swatch + one part: " + svg);
    }

    @Test
    void aGroupOfFewerThanFiveIsOneGreyBar() {
        String svg = StackedBars.render("t", "d", List.of("a", "b"),
                List.of(new StackedBars.Row("zuid", Arrays.asList(null, null), 3, true)), false, "fewer than 5");
        assertFalse(svg.contains(">3<"), "the group's size is not written: " + svg);
        assertEquals(2, svg.split("fill=\"" + Svg.HIDDEN + "\"", -1).length - 1, "legend swatch + the bar: " + svg);
    }

    @Test
    void textOnAColourReadsWell() {
        assertEquals("#ffffff", Svg.textOn("#0072B2"));
        assertEquals(Svg.INK, Svg.textOn("#E69F00"));
        assertEquals(Svg.INK, Svg.textOn("#d9d9d9"));
    }
}
