package be.buurtstem.bot.service.pages.charts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccumulationChartTest {

    @Test
    void anAccessibleSvgWithEscapedTextsAndOneLinePerSeries() {
        String svg = AccumulationChart.svg("curve-all", "Themes <heard>", "After 3 residents & more",
                List.of(new AccumulationChart.Series("noord", new int[] {1, 2, 2}),
                        new AccumulationChart.Series("zuid \"west\"", new int[] {1})), 4.2, "estimate", "x", "y");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("role=\"img\" aria-labelledby=\"curve-all-title curve-all-desc\""), svg);
        assertTrue(svg.contains("<title id=\"curve-all-title\">Themes &lt;heard&gt;</title>"), svg);
        assertTrue(svg.contains("<desc id=\"curve-all-desc\">After 3 residents &amp; more</desc>"), svg);
        assertTrue(svg.contains("zuid &quot;west&quot;"), svg);
        assertEquals(2, svg.split("<polyline").length - 1);
        assertFalse(svg.contains("style="), "no inline style: the CSP forbids it");
    }

    @Test
    void theLineKeepsOnlyTheRisesSoLongCurvesStaySmall() {
        int[] curve = new int[10_000];
        for (int i = 0; i < curve.length; i++) {
            curve[i] = Math.min(12, i / 50 + 1);
        }
        String points = AccumulationChart.points(curve, 10_000, 20);
        // start, two points per rise (12 rises), the end
        assertEquals(1 + 2 * 12 + 1, points.split(" ").length);
    }

    @Test
    void roundAxes() {
        assertEquals(60, AccumulationChart.niceTop(57));
        assertEquals(5, AccumulationChart.niceTop(5));
        assertEquals(8, AccumulationChart.niceTop(7));
        assertEquals(1000, AccumulationChart.niceTop(1000));
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60), AccumulationChart.ticks(60));
        assertEquals(List.of(0, 2, 4, 6, 8), AccumulationChart.ticks(8));
    }
}
