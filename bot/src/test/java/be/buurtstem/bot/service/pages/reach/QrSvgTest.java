package be.buurtstem.bot.service.pages.reach;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG the pages serve, drawn as a bitmap the way a printer would, decodes back to its link. */
class QrSvgTest {
    static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

    /** Draws the SVG's path (its runs of modules) at {@code scale} pixels per module. */
    static BufferedImage draw(String svg, int scale) {
        Matcher size = SIZE.matcher(svg);
        assertTrue(size.find(), svg);
        int w = Integer.parseInt(size.group(1));
        int h = Integer.parseInt(size.group(2));
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(svg.substring(svg.indexOf(" d=\"")));
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        return image;
    }

    static Result decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE));
    }

    @Test
    void theWebChatAndTelegramLinksDecodeBackWithErrorCorrectionMAndAQuietZone() throws Exception {
        for (String link : new String[] {"https://buurtstem.example.be/chat/inclusieweb?area=sint-jans%C3%A9",
                "https://t.me/buurtstem_bot?start=inclusieweb__area-noord"}) {
            String svg = QrSvg.svg(link, link);
            Result result = decode(draw(svg, 4));
            assertEquals(link, result.getText());
            assertEquals("M", String.valueOf(result.getResultMetadata()
                    .get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL)));
            // the quiet zone: the first four rows and columns are white (no run starts there)
            Matcher run = RUN.matcher(svg);
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            while (run.find()) {
                minX = Math.min(minX, Integer.parseInt(run.group(1)));
                minY = Math.min(minY, Integer.parseInt(run.group(2)));
            }
            assertEquals(QrSvg.QUIET_ZONE, minX);
            assertEquals(QrSvg.QUIET_ZONE, minY);
            assertTrue(svg.contains("shape-rendering=\"crispEdges\""));
        }
    }

    @Test
    void aLabelCannotBreakOutOfTheSvg() {
        String svg = QrSvg.svg("https://x.be/chat/a", "<script>\"&");
        assertTrue(svg.contains("&lt;script&gt;&quot;&amp;"), svg);
        assertTrue(!svg.contains("<script>"), svg);
    }
}
