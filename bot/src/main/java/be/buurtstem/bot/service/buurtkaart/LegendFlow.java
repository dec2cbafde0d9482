package be.buurtstem.bot.service.buurtkaart;

import java.awt.Color;
import java.awt.Font;
import java.util.function.DoubleConsumer;

/**
 * Legend entries (a small symbol, then its text) flowing along lines: left to right, or right to left with the
 * symbol on the right for Arabic, breaking to a new line when an entry does not fit.
 */
final class LegendFlow {
    private final Canvas canvas;
    private final double left;
    private final double right;
    private final double lineHeight;
    private double cursor;
    private double y;
    private final java.util.List<MapPicture.Written> written = new java.util.ArrayList<>();

    LegendFlow(Canvas canvas, double left, double right, double top, double lineHeight) {
        this.canvas = canvas;
        this.left = left;
        this.right = right;
        this.lineHeight = lineHeight;
        this.y = top;
        this.cursor = canvas.rightToLeft ? right : left;
    }

    /** The texts written so far, with their boxes. */
    java.util.List<MapPicture.Written> written() {
        return java.util.List.copyOf(written);
    }

    void newLine() {
        y += lineHeight;
        cursor = canvas.rightToLeft ? right : left;
    }

    /**
     * One entry; {@code symbol} is told the left x of its {@code symbolWidth} wide place and draws at the line's
     * middle ({@link #middle()}).
     */
    void entry(double symbolWidth, DoubleConsumer symbol, String text, Font font, Color colour) {
        double textWidth = canvas.shape(text, font).width();
        double need = symbolWidth + (symbolWidth > 0 ? 8 : 0) + textWidth;
        boolean atStart = cursor == (canvas.rightToLeft ? right : left);
        if (!atStart && (canvas.rightToLeft ? cursor - need < left : cursor + need > right)) {
            newLine();
        }
        double top = y + (lineHeight - font.getSize2D() * 1.3) / 2;
        if (canvas.rightToLeft) {
            if (symbolWidth > 0) {
                symbol.accept(cursor - symbolWidth);
            }
            canvas.text(text, font, colour, cursor - need, top);
            written.add(new MapPicture.Written(text, new be.buurtstem.analysis.buurtkaart.Box(cursor - need, top,
                    textWidth, font.getSize2D() * 1.3)));
            cursor -= need + 26;
        } else {
            if (symbolWidth > 0) {
                symbol.accept(cursor);
            }
            canvas.text(text, font, colour, cursor + need - textWidth, top);
            written.add(new MapPicture.Written(text, new be.buurtstem.analysis.buurtkaart.Box(cursor + need - textWidth,
                    top, textWidth, font.getSize2D() * 1.3)));
            cursor += need + 26;
        }
    }

    double middle() {
        return y + lineHeight / 2;
    }
}
