package be.buurtstem.bot.service.buurtkaart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of the map pictures, shipped in the jar ({@code buurtstem/fonts}, DejaVu Sans under its licence, see
 * {@code LICENSE-DejaVu.txt} there): they have Latin, Turkish and Arabic letters with the Arabic joining forms, and
 * nothing depends on the fonts a server happens to have installed. Loaded once.
 */
public final class MapFonts {
    private static final Font REGULAR = load("DejaVuSans.ttf");
    private static final Font BOLD = load("DejaVuSans-Bold.ttf");

    private MapFonts() {
    }

    public static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    public static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    private static Font load(String name) {
        try (InputStream in = MapFonts.class.getResourceAsStream("/buurtstem/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: " + name);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font unreadable: " + name, e);
        }
    }
}
