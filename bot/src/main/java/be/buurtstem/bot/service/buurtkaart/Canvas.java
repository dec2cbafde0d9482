package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.TextMeasure;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A square picture being drawn, with the helpers both maps share: shaped text in the picture's direction, arrows,
 * dots, and the PNG at the end. Java2D in memory only (headless); nothing is written anywhere.
 */
final class Canvas {
    static {
        System.setProperty("java.awt.headless", "true"); // the command line draws too, without a display
    }

    final BufferedImage image;
    final Graphics2D g;
    final boolean rightToLeft;
    final int size;

    Canvas(int size, boolean rightToLeft) {
        this.size = size;
        this.rightToLeft = rightToLeft;
        image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
    }

    FontRenderContext frc() {
        return g.getFontRenderContext();
    }

    ShapedText shape(String text, Font font) {
        return ShapedText.of(text, font, frc(), rightToLeft);
    }

    /** Measures as {@link #text} draws: the layout keeps labels apart with the real widths. */
    TextMeasure measure(Font font) {
        return new TextMeasure() {
            @Override
            public double width(String text) {
                return shape(text, font).width();
            }

            @Override
            public double lineHeight() {
                return font.getSize2D() * 1.3;
            }
        };
    }

    /** One line with its box's top-left corner at (x, y), the box {@code font size × 1.3} high. */
    void text(String text, Font font, Color colour, double x, double y) {
        g.setFont(font);
        g.setColor(colour);
        shape(text, font).draw(g, x, y + font.getSize2D() * 1.02);
    }

    void dot(double x, double y, double r, Color fill, boolean strong) {
        Ellipse2D e = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(fill);
        g.fill(e);
        g.setColor(strong ? MapColours.INK : Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(strong ? 3f : 2f));
        g.draw(e);
    }

    /** A line from (x1, y1) to (x2, y2) with filled heads where asked. */
    void arrow(double x1, double y1, double x2, double y2, boolean headAtEnd, boolean headAtStart, double width,
               Color colour) {
        g.setColor(colour);
        g.setStroke(new java.awt.BasicStroke((float) width, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER));
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 1) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double head = Math.min(9 + width * 1.6, len / ((headAtEnd ? 1 : 0) + (headAtStart ? 1 : 0) + 1.5)); // short arrows near home keep their shaft
        double sx = headAtStart ? x1 + ux * head * 0.8 : x1;
        double sy = headAtStart ? y1 + uy * head * 0.8 : y1;
        double ex = headAtEnd ? x2 - ux * head * 0.8 : x2;
        double ey = headAtEnd ? y2 - uy * head * 0.8 : y2;
        g.draw(new Line2D.Double(sx, sy, ex, ey));
        if (headAtEnd) {
            head(x2, y2, ux, uy, head);
        }
        if (headAtStart) {
            head(x1, y1, -ux, -uy, head);
        }
    }

    private void head(double tipX, double tipY, double ux, double uy, double head) {
        Path2D p = new Path2D.Double();
        p.moveTo(tipX, tipY);
        p.lineTo(tipX - ux * head - uy * head * 0.5, tipY - uy * head + ux * head * 0.5);
        p.lineTo(tipX - ux * head + uy * head * 0.5, tipY - uy * head - ux * head * 0.5);
        p.closePath();
        g.fill(p);
    }

    /** A small house: the resident's home at the centre of their map. */
    void house(double cx, double cy, double r) {
        g.setColor(new Color(0x6B, 0x4E, 0x2E));
        Path2D p = new Path2D.Double();
        p.moveTo(cx, cy - r * 0.75);
        p.lineTo(cx + r * 0.7, cy - r * 0.1);
        p.lineTo(cx + r * 0.5, cy - r * 0.1);
        p.lineTo(cx + r * 0.5, cy + r * 0.55);
        p.lineTo(cx - r * 0.5, cy + r * 0.55);
        p.lineTo(cx - r * 0.5, cy - r * 0.1);
        p.lineTo(cx - r * 0.7, cy - r * 0.1);
        p.closePath();
        g.fill(p);
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(cx - r * 0.12, cy + r * 0.15, r * 0.24, r * 0.4));
    }

    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
