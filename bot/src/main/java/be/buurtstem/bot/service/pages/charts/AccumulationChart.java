package be.buurtstem.bot.service.pages.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The theme-accumulation curve as an SVG drawn on the server: distinct themes heard (y) against residents in the
 * order they answered (x), one line per series (overall, or one line per group of a segment field), and optionally
 * the estimated total number of themes as a dashed line. The SVG carries a {@code <title>} and {@code <desc>} for
 * screen readers ({@code role="img"}, {@code aria-labelledby}); the page puts a small data table beside it.
 * Colours and dashes are presentation attributes, not {@code style=} (the CSP forbids inline styles), and differ in
 * dash as well as colour so the lines stay apart in print and for colour-blind readers. Every text is escaped.
 */
public final class AccumulationChart {

    /** One line: its name in the legend and the distinct themes after each resident. */
    public record Series(String name, int[] curve) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;
    private static final String[] COLOURS = {"#1f5fa8", "#c2571a", "#2e7d4f", "#7b3fa0", "#a8861f", "#3d3d3d"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"};
    /** More lines than this are unreadable; the caller puts the largest groups first. */
    public static final int MAX_SERIES = COLOURS.length;

    private AccumulationChart() {
    }

    /**
     * @param id             a unique id within the page (for the title and desc ids)
     * @param title          what the chart shows, in the page's language
     * @param desc           the same in one or two sentences for screen readers (the finding, not the drawing)
     * @param series         the lines (at most {@link #MAX_SERIES} drawn)
     * @param estimate       the estimated total number of themes, or null
     * @param estimateLabel  its label
     * @param xLabel         "residents"
     * @param yLabel         "themes heard"
     */
    public static String svg(String id, String title, String desc, List<Series> series, Double estimate,
                             String estimateLabel, String xLabel, String yLabel) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "_");
        List<Series> drawn = series.size() > MAX_SERIES ? series.subList(0, MAX_SERIES) : series;
        int maxX = 1;
        int maxY = 1;
        for (Series s : drawn) {
            int[] c = s.curve();
            maxX = Math.max(maxX, c.length);
            for (int v : c) {
                maxY = Math.max(maxY, v);
            }
        }
        if (estimate != null && Double.isFinite(estimate)) {
            maxY = Math.max(maxY, (int) Math.ceil(estimate));
        }
        int xTop = niceTop(maxX);
        int yTop = niceTop(maxY);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"accumulation\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(safeId)
                .append("-title ").append(safeId).append("-desc\" font-family=\"sans-serif\" font-size=\"12\">");
        sb.append("<title id=\"").append(safeId).append("-title\">").append(Svg.escape(title)).append("</title>");
        sb.append("<desc id=\"").append(safeId).append("-desc\">").append(Svg.escape(desc)).append("</desc>");
        // grid and axes
        for (int t : ticks(yTop)) {
            double y = y(t, yTop);
            sb.append(line(LEFT, y, WIDTH - RIGHT, y, "#dddddd", ""));
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#555555\">").append(t).append("</text>");
        }
        for (int t : ticks(xTop)) {
            double x = x(t, xTop);
            sb.append(line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "#555555", ""));
            sb.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 17)
                    .append("\" text-anchor=\"middle\" fill=\"#555555\">").append(t).append("</text>");
        }
        sb.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#555555", ""));
        sb.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#555555", ""));
        sb.append("<text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\" fill=\"#333333\">").append(Svg.escape(xLabel)).append("</text>");
        sb.append("<text x=\"12\" y=\"").append((TOP + HEIGHT - BOTTOM) / 2).append("\" text-anchor=\"middle\" "
                + "fill=\"#333333\" transform=\"rotate(-90 12 ").append((TOP + HEIGHT - BOTTOM) / 2).append(")\">")
                .append(Svg.escape(yLabel)).append("</text>");
        if (estimate != null && Double.isFinite(estimate)) {
            double y = y(estimate, yTop);
            sb.append(line(LEFT, y, WIDTH - RIGHT, y, "#888888", "4 4"));
            sb.append("<text x=\"").append(WIDTH - RIGHT - 4).append("\" y=\"").append(fmt(y - 5))
                    .append("\" text-anchor=\"end\" fill=\"#555555\">").append(Svg.escape(estimateLabel)).append("</text>");
        }
        for (int i = 0; i < drawn.size(); i++) {
            sb.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke=\"")
                    .append(COLOURS[i]).append('"');
            if (!DASHES[i].isEmpty()) {
                sb.append(" stroke-dasharray=\"").append(DASHES[i]).append('"');
            }
            sb.append(" points=\"").append(points(drawn.get(i).curve(), xTop, yTop)).append("\"/>");
        }
        if (drawn.size() > 1) {
            // legend, top left inside the plot, where the curves start low
            for (int i = 0; i < drawn.size(); i++) {
                double y = TOP + 10 + i * 17;
                sb.append(line(LEFT + 10, y, LEFT + 36, y, COLOURS[i], DASHES[i]).replace("stroke-width=\"1\"",
                        "stroke-width=\"2.5\""));
                sb.append("<text x=\"").append(LEFT + 42).append("\" y=\"").append(fmt(y + 4))
                        .append("\" fill=\"#222222\">").append(Svg.escape(drawn.get(i).name())).append("</text>");
            }
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /** The curve as a step line, keeping only the points where it rises (themes × 2 points, not residents). */
    static String points(int[] curve, int xTop, int yTop) {
        List<String> pts = new ArrayList<>();
        pts.add(fmt(x(0, xTop)) + "," + fmt(y(0, yTop)));
        int last = 0;
        for (int i = 0; i < curve.length; i++) {
            if (curve[i] != last) {
                pts.add(fmt(x(i, xTop)) + "," + fmt(y(last, yTop)));
                pts.add(fmt(x(i + 1, xTop)) + "," + fmt(y(curve[i], yTop)));
                last = curve[i];
            }
        }
        if (curve.length > 0) {
            pts.add(fmt(x(curve.length, xTop)) + "," + fmt(y(last, yTop)));
        }
        return String.join(" ", pts);
    }

    private static double x(double v, int top) {
        return LEFT + v / top * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double v, int top) {
        return HEIGHT - BOTTOM - v / top * (HEIGHT - TOP - BOTTOM);
    }

    /** The top of the axis: a multiple of a round step (1, 2 or 5 × 10^k) giving at most six intervals. */
    static int niceTop(int max) {
        long step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                long s = m * step;
                long intervals = (max + s - 1) / s;
                if (intervals <= 6) {
                    return (int) (Math.max(1, intervals) * s);
                }
            }
            step *= 10;
        }
    }

    /** The round ticks from 0 to top (the same step as {@link #niceTop}). */
    static List<Integer> ticks(int top) {
        long step = 1;
        long chosen = 1;
        outer:
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                long s = m * step;
                if (top % s == 0 && top / s <= 6) {
                    chosen = s;
                    break outer;
                }
            }
            step *= 10;
            if (step > top) {
                chosen = top;
                break;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (long t = 0; t <= top; t += chosen) {
            out.add((int) t);
        }
        return out;
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + stroke + "\" stroke-width=\"1\"" + (dash.isEmpty() ? "" : " stroke-dasharray=\""
                + dash + "\"") + "/>";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
