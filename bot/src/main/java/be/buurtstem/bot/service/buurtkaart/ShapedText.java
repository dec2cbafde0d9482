package be.buurtstem.bot.service.buurtkaart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of text laid out as it is drawn: split into bidirectional runs (java.text.Bidi, the Unicode bidi
 * algorithm, paragraph direction right-to-left for Arabic), runs in visual order, each shaped by the font's layout
 * engine ({@link Font#layoutGlyphVector}: Arabic letters take their joined initial, medial and final forms). Its glyph
 * vectors are what is drawn, so tests can check the shaping of exactly what the picture shows. Code points the font
 * cannot draw (emoji, scripts DejaVu lacks) are left out rather than drawn as empty boxes.
 */
public final class ShapedText {
    private final List<GlyphVector> runs;
    private final double width;

    private ShapedText(List<GlyphVector> runs) {
        this.runs = List.copyOf(runs);
        this.width = runs.stream().mapToDouble(g -> g.getLogicalBounds().getWidth()).sum();
    }

    public static ShapedText of(String text, Font font, FontRenderContext frc, boolean rightToLeft) {
        String s = drawable(text, font);
        if (s.isEmpty()) {
            return new ShapedText(List.of());
        }
        Bidi bidi = new Bidi(s, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, count);
        char[] chars = s.toCharArray();
        List<GlyphVector> runs = new ArrayList<>();
        for (Integer i : order) {
            int start = bidi.getRunStart(i);
            int limit = bidi.getRunLimit(i);
            int flags = (bidi.getRunLevel(i) & 1) == 1 ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT;
            runs.add(font.layoutGlyphVector(frc, chars, start, limit, flags));
        }
        return new ShapedText(runs);
    }

    /** The glyph runs, left to right as drawn. */
    public List<GlyphVector> runs() {
        return runs;
    }

    public double width() {
        return width;
    }

    /** Draws the line with its baseline's left end at (x, y). */
    public void draw(Graphics2D g, double x, double y) {
        double at = x;
        for (GlyphVector run : runs) {
            g.drawGlyphVector(run, (float) at, (float) y);
            at += run.getLogicalBounds().getWidth();
        }
    }

    /** The text without what the font cannot draw; joiners and variation selectors of emoji go with them. */
    static String drawable(String text, Font font) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean invisibleHelper = cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x2066 && cp <= 0x2069);
            boolean symbol = Character.getType(cp) == Character.OTHER_SYMBOL && cp > 0x2BFF; // emoji: no colour font
            if (!invisibleHelper && !symbol && font.canDisplay(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().strip().replaceAll("\\s+", " ");
    }
}
