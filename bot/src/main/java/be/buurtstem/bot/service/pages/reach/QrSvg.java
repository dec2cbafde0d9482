package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.pages.charts.Svg;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * A QR code as SVG, drawn on the server: one path of whole modules (crisp at any print size), error correction M
 * (a flyer may get a crease or a stain), the standard quiet zone of four modules, UTF-8.
 */
public final class QrSvg {
    /** The quiet zone around the code, in modules (the QR standard asks for four). */
    static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The modules of the code for {@code text}, with the quiet zone included. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("this link is too long for a QR code", e);
        }
    }

    /**
     * The SVG document: a white square and one black path; each row's runs of dark modules are one rectangle, so a
     * code of a short link is a few hundred path commands. {@code label} is the image's accessible name.
     */
    public static String svg(String text, String label) {
        BitMatrix m = matrix(text);
        int w = m.getWidth();
        int h = m.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                        .append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w * 8
                + "\" height=\"" + h * 8 + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\""
                + Svg.escape(label) + "\"><title>" + Svg.escape(label) + "</title><rect width=\"" + w + "\" height=\"" + h
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
