package be.buurtstem.bot.service.pages.charts;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small helpers for the charts drawn on the server as inline SVG: escaping, the opening tag with its screen-reader
 * title and description, and colours. Presentation attributes only (no {@code style}), so the page's CSP
 * ({@code default-src 'self'}) holds. Every chart has a data table beside it on the page: the chart is for the eye,
 * the table for exact numbers and for screen readers.
 */
public final class Svg {
    /** The pages' accent (4.5:1 on white and white text on it). */
    public static final String ACCENT = "#1f5f8b";
    public static final String INK = "#1b1f23";
    public static final String MUTED = "#4a535c";
    public static final String LINE = "#c9d1d9";
    /** Small groups in a chart: grey, hatched. */
    public static final String HIDDEN = "#8b949e";
    /** Options (no order): Okabe–Ito colours, told apart with colour blindness too; patterns alternate as well. */
    private static final List<String> CATEGORICAL = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#6A3D9A", "#999933", "#882255", "#44AA99");
    /** Ordered values (a smiley scale): from red (disagree) through grey to blue (agree), also apart in grey print. */
    private static final List<String> ORDINAL5 = List.of("#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac");
    private static final AtomicLong IDS = new AtomicLong();

    private Svg() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c); // other control characters are not allowed in XML
                    }
                }
            }
        }
        return b.toString();
    }

    /** A unique id prefix for one chart's title, description and patterns (several charts share a page). */
    static String id() {
        return "c" + IDS.incrementAndGet();
    }

    /** The opening {@code <svg>} with role img, its title and description, and the hatch pattern. */
    static StringBuilder open(String id, int width, int height, String title, String desc) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\"")
                .append(" font-family=\"system-ui, sans-serif\" font-size=\"13\">")
                .append("<title id=\"").append(id).append("-t\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(escape(desc)).append("</desc>")
                .append("<defs><pattern id=\"").append(id).append("-h\" width=\"6\" height=\"6\" ")
                .append("patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\" ")
                .append("stroke-opacity=\"0.7\"/></pattern></defs>");
        return b;
    }

    static void rect(StringBuilder b, double x, double y, double w, double h, String fill) {
        b.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append("\"/>");
    }

    /** The hatch over a rectangle: the second way to tell parts apart, for grey print and colour blindness. */
    static void hatch(StringBuilder b, String id, double x, double y, double w, double h) {
        rect(b, x, y, w, h, "url(#" + id + "-h)");
    }

    static void text(StringBuilder b, double x, double y, String anchor, String fill, String s) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(fill).append("\">").append(escape(s)).append("</text>");
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** Colours for {@code n} parts: ordered (a scale of five) or not. */
    public static List<String> colours(int n, boolean ordinal) {
        if (ordinal && n == 5) {
            return ORDINAL5;
        }
        List<String> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(CATEGORICAL.get(i % CATEGORICAL.size()));
        }
        return out;
    }

    /** Black or white text, whichever reads better on {@code fill} (#rrggbb). */
    static String textOn(String fill) {
        int r = Integer.parseInt(fill.substring(1, 3), 16);
        int g = Integer.parseInt(fill.substring(3, 5), 16);
        int bl = Integer.parseInt(fill.substring(5, 7), 16);
        double l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? INK : "#ffffff";
    }

    private static double lin(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** A label shortened for a chart (the table beside it has it whole). */
    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
