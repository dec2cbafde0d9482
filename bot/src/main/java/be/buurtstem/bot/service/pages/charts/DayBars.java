package be.buurtstem.bot.service.pages.charts;

import java.util.List;

/**
 * Bars per day (answers per day): days along the bottom (a label every few days when there are many), a scale with
 * its top and middle on the left, and the days without answers as gaps.
 */
public final class DayBars {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int BOTTOM = 28;

    public record Day(String label, int value) {
    }

    private DayBars() {
    }

    public static String render(String title, String desc, List<Day> days) {
        String id = Svg.id();
        StringBuilder b = Svg.open(id, WIDTH, HEIGHT, title, desc);
        int max = Math.max(1, days.stream().mapToInt(Day::value).max().orElse(0));
        double plot = HEIGHT - BOTTOM - 10;
        double baseY = HEIGHT - BOTTOM;
        for (int tick : List.of(0, max / 2, max)) {
            double y = baseY - plot * tick / max;
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH).append("\" y1=\"").append(Svg.num(y))
                    .append("\" y2=\"").append(Svg.num(y)).append("\" stroke=\"").append(Svg.LINE).append("\"/>");
            Svg.text(b, LEFT - 6, y + 4, "end", Svg.MUTED, Integer.toString(tick));
        }
        int n = Math.max(1, days.size());
        double slot = (WIDTH - LEFT) / (double) n;
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double h = plot * d.value() / max;
            double x = LEFT + i * slot;
            Svg.rect(b, x + slot * 0.15, baseY - h, Math.max(1, slot * 0.7), h, Svg.ACCENT);
            if (i % every == 0 || i == days.size() - 1 && days.size() <= 8) {
                Svg.text(b, x + slot / 2, HEIGHT - 8, "middle", Svg.INK, d.label());
            }
        }
        return b.append("</svg>").toString();
    }
}
