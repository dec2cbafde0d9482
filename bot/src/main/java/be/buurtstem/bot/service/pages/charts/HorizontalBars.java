package be.buurtstem.bot.service.pages.charts;

import java.util.List;

/**
 * Horizontal bars, one per row: the label above its bar (long question texts fit) with the number at the line's
 * end, so that bar and number never leave the picture. A bar may
 * have a part drawn darker and hatched (e.g. "stopped here" within "got this far"), named in the legend.
 */
public final class HorizontalBars {
    static final int WIDTH = 640;
    static final int ROW = 40;
    static final int BAR = 16;
    static final int LABEL_WIDTH_CHARS = 64;

    /** @param part null when the bar has no part; {@code valueText} is what is written after the bar */
    public record Bar(String label, int value, String valueText, Integer part) {
        public Bar(String label, int value, String valueText) {
            this(label, value, valueText, null);
        }
    }

    private HorizontalBars() {
    }

    /** @param partLegend the name of the bars' part (null: no legend) */
    public static String render(String title, String desc, List<Bar> bars, String partLegend) {
        String id = Svg.id();
        int top = partLegend == null ? 4 : 28;
        int height = top + Math.max(1, bars.size()) * ROW + 4;
        StringBuilder b = Svg.open(id, WIDTH, height, title, desc);
        if (partLegend != null) {
            Svg.rect(b, 0, 6, 14, 14, "#0b3a5a");
            Svg.hatch(b, id, 0, 6, 14, 14);
            Svg.text(b, 20, 18, "start", Svg.INK, partLegend);
        }
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        double room = WIDTH;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * ROW;
            int labelChars = Math.max(12, LABEL_WIDTH_CHARS - bar.valueText().length());
            Svg.text(b, 0, y + 13, "start", Svg.INK, Svg.shorten(bar.label(), labelChars));
            double w = max == 0 ? 0 : room * bar.value() / max;
            Svg.rect(b, 0, y + 18, Math.max(w, 1), BAR, Svg.ACCENT);
            if (bar.part() != null && bar.part() > 0 && max > 0) {
                double pw = Math.max(2, room * bar.part() / max);
                Svg.rect(b, w - pw, y + 18, pw, BAR, "#0b3a5a");
                Svg.hatch(b, id, w - pw, y + 18, pw, BAR);
            }
            Svg.text(b, WIDTH, y + 13, "end", Svg.INK, bar.valueText());
        }
        return b.append("</svg>").toString();
    }
}
