package be.buurtstem.bot.service.pages.charts;

import java.util.List;

/**
 * One bar per group (e.g. per area), each split into the shares of the answers (e.g. the five smileys), with the
 * legend on top. Parts are told apart by colour, by a hatch on every other part, and by their order, which is the
 * legend's. Small groups stay hidden here as in the table: the cells shown as "fewer than 5" are one grey hatched
 * part together, and a group of fewer than 5 is a grey bar without parts.
 */
public final class StackedBars {
    static final int WIDTH = 640;
    static final int ROW = 40;
    static final int BAR = 18;

    /**
     * @param cells     null where the count is hidden
     * @param hiddenSum the hidden cells together (drawn as one part, never split)
     * @param hiddenRow the whole group is fewer than 5
     */
    public record Row(String label, List<Integer> cells, int hiddenSum, boolean hiddenRow) {
    }

    private StackedBars() {
    }

    public static String render(String title, String desc, List<String> parts, List<Row> rows, boolean ordinal,
                                String hiddenLabel) {
        String id = Svg.id();
        List<String> colours = Svg.colours(parts.size(), ordinal);
        int legendRows = (parts.size() + 2) / 3;
        int top = legendRows * 20 + 10;
        int height = top + Math.max(1, rows.size()) * ROW + 4;
        StringBuilder b = Svg.open(id, WIDTH, height, title, desc);
        for (int i = 0; i <= parts.size(); i++) {
            boolean hidden = i == parts.size();
            double x = (i % 3) * (WIDTH / 3.0);
            double y = (i / 3) * 20 + 4;
            if (hidden && i / 3 >= legendRows) {
                x = WIDTH - 200;
                y = (legendRows - 1) * 20 + 4;
            }
            String fill = hidden ? Svg.HIDDEN : colours.get(i);
            Svg.rect(b, x, y, 14, 14, fill);
            if (hidden || i % 2 == 1) {
                Svg.hatch(b, id, x, y, 14, 14);
            }
            Svg.text(b, x + 20, y + 12, "start", Svg.INK,
                    Svg.shorten(hidden ? hiddenLabel : parts.get(i), 26));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = top + r * ROW;
            Svg.text(b, 0, y + 13, "start", Svg.INK, Svg.shorten(row.label(), 80));
            if (row.hiddenRow()) {
                Svg.rect(b, 0, y + 18, WIDTH, BAR, Svg.HIDDEN);
                Svg.hatch(b, id, 0, y + 18, WIDTH, BAR);
                continue;
            }
            int total = 0;
            for (Integer c : row.cells()) {
                total += c == null ? 0 : c;
            }
            int hidden = row.hiddenSum();
            int all = total + hidden;
            double x = 0;
            for (int i = 0; i < row.cells().size(); i++) {
                Integer c = row.cells().get(i);
                if (c == null || c == 0 || all == 0) {
                    continue;
                }
                double w = WIDTH * c / (double) all;
                Svg.rect(b, x, y + 18, w, BAR, colours.get(i));
                if (i % 2 == 1) {
                    Svg.hatch(b, id, x, y + 18, w, BAR);
                }
                if (w > 24) {
                    Svg.text(b, x + w / 2, y + 31, "middle", Svg.textOn(colours.get(i)), Integer.toString(c));
                }
                x += w;
            }
            if (hidden > 0) {
                double w = WIDTH * hidden / (double) all;
                Svg.rect(b, x, y + 18, w, BAR, Svg.HIDDEN);
                Svg.hatch(b, id, x, y + 18, w, BAR);
            }
        }
        return b.append("</svg>").toString();
    }
}
