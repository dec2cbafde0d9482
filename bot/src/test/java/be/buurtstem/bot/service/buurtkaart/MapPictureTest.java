package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.Box;
import be.buurtstem.analysis.buurtkaart.Domain;
import be.buurtstem.analysis.buurtkaart.MapAnswer;
import be.buurtstem.analysis.buurtkaart.MapLayout;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.Valence;
import be.buurtstem.bot.service.survey.Survey;
import com.ibm.icu.text.ArabicShaping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident's picture, drawn with the bundled questionnaire's labels, in Dutch and in Arabic: size, rings, every
 * actor in its colour where the layout put it, its name and the legend written, and Arabic in its joined forms.
 */
class MapPictureTest {
    static Survey survey;

    @BeforeAll
    static void load() {
        survey = BundledBuurtkaart.survey();
    }

    static List<MapAnswer> round(int r, String name, String kind, String domain, String closeness, String giving,
                                 String influence, String energy) {
        return List.of(new MapAnswer(NeighbourhoodMap.NAME, r, name), new MapAnswer(NeighbourhoodMap.KIND, r, kind),
                new MapAnswer(NeighbourhoodMap.DOMAIN, r, domain), new MapAnswer(NeighbourhoodMap.CLOSENESS, r, closeness),
                new MapAnswer(NeighbourhoodMap.GIVING, r, giving), new MapAnswer(NeighbourhoodMap.INFLUENCE, r, influence),
                new MapAnswer(NeighbourhoodMap.ENERGY, r, energy));
    }

    static NeighbourhoodMap dutch() {
        List<MapAnswer> a = new ArrayList<>();
        a.addAll(round(1, "Mijn buurvrouw Els", "person", "family_friends", "very_close", "both", "little", "energising"));
        a.addAll(round(2, "Het park", "place", "public_space", "close", "i_receive", "little", "energising"));
        a.addAll(round(3, "OCMW", "organisation", "help_services", "far", "i_receive", "a_lot", "draining"));
        a.addAll(round(4, "De bakker", "place", "shops", "neutral", "i_give", "little", "neutral"));
        a.addAll(round(5, "Buurthuis De Kring", "organisation", "key_figures", "close", "both", "a_lot", "energising"));
        a.addAll(round(6, "Mijn zus 👩", "person", "family_friends", "very_close", "both", "little", "neutral"));
        return NeighbourhoodMap.of(a);
    }

    static NeighbourhoodMap arabic() {
        List<MapAnswer> a = new ArrayList<>();
        a.addAll(round(1, "المسجد", "place", "religion", "very_close", "both", "a_lot", "energising"));
        a.addAll(round(2, "جارتي فاطمة", "person", "family_friends", "close", "i_receive", "little", "energising"));
        a.addAll(round(3, "البلدية", "organisation", "local_government", "far", "i_give", "a_lot", "draining"));
        a.addAll(round(4, "Lidl", "place", "shops", "neutral", "i_give", "little", "neutral"));
        return NeighbourhoodMap.of(a);
    }

    @Test
    void dutchMap() throws Exception {
        check(dutch(), MapLegend.of(survey, "nl"), "nl");
    }

    @Test
    void arabicMapRightToLeft() throws Exception {
        MapLegend legend = MapLegend.of(survey, "ar");
        assertTrue(legend.rightToLeft());
        assertEquals("خريطة حيّي", legend.title());
        check(arabic(), legend, "ar");
    }

    @Test
    void arabicNamesAreDrawnInTheirJoinedForms() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (String word : List.of("المسجد", "البلدية", "خريطة")) {
            ShapedText shaped = ShapedText.of(word, MapPicture.LABEL, frc, true);
            assertEquals(1, shaped.runs().size());
            int[] drawn = codes(shaped.runs().getFirst());
            // the same word written with Unicode's presentation forms (FE70-FEFF), in visual (right to left) order
            String forms = new StringBuilder(presentationForms(word)).reverse().toString();
            int[] joined = codes(MapPicture.LABEL.createGlyphVector(frc, forms));
            assertArrayEquals(joined, drawn, word + " drawn in its joined forms");
            // and not the isolated letters
            String isolated = new StringBuilder(word).reverse().toString();
            assertFalse(java.util.Arrays.equals(codes(MapPicture.LABEL.createGlyphVector(frc, isolated)), drawn));
        }
        // a Latin name inside an Arabic line keeps its own order: the bidi runs
        ShapedText mixed = ShapedText.of("جارتي Els", MapPicture.LABEL, frc, true);
        assertEquals(2, mixed.runs().size(), "one right-to-left and one left-to-right run");
    }

    /**
     * The word in ICU's presentation forms (initial, medial, final), letters that stand alone left as they are: a
     * font draws an isolated letter with the letter's own glyph, not its isolated presentation form's copy.
     */
    static String presentationForms(String s) {
        String forms = shape(s);
        assertEquals(s.length(), forms.length(), "no ligature in the test words");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            String letter = s.substring(i, i + 1);
            out.append(forms.charAt(i) == shape(letter).charAt(0) ? letter.charAt(0) : forms.charAt(i));
        }
        assertNotEquals(s, out.toString(), "the word has joined letters");
        return out.toString();
    }

    static String shape(String s) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(s);
        } catch (com.ibm.icu.text.ArabicShapingException e) {
            throw new AssertionError(e);
        }
    }

    static int[] codes(GlyphVector g) {
        return g.getGlyphCodes(0, g.getNumGlyphs(), null);
    }

    static void check(NeighbourhoodMap map, MapLegend legend, String name) throws Exception {
        MapPicture.Drawn drawn = MapPicture.draw(map, legend);
        Path out = Path.of("target", "buurtkaart-" + name + ".png");
        Files.write(out, drawn.png()); // to look at; the assertions below do not read it
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(drawn.png()));
        assertEquals(MapPicture.SIZE, png.getWidth());
        assertEquals(MapPicture.SIZE, png.getHeight());
        MapLayout layout = drawn.layout();

        // four rings, each filled in its colour all the way round (sampled at the band's middle)
        for (int i = 0; i < 4; i++) {
            double inner = i == 0 ? layout.homeRadius() : layout.rings().get(i - 1);
            double r = (inner + layout.rings().get(i)) / 2;
            int hits = 0;
            for (int k = 0; k < 72; k++) {
                int x = (int) Math.round(layout.centerX() + Math.sin(k * Math.PI / 36) * r);
                int y = (int) Math.round(layout.centerY() - Math.cos(k * Math.PI / 36) * r);
                hits += near(new Color(png.getRGB(x, y)), MapColours.RINGS[i], 2) ? 1 : 0;
            }
            assertTrue(hits > 36, "ring " + (i + 1) + " drawn (" + hits + " of 72 samples)");
        }

        // every actor: a dot in its valence's colour, and its name written in its label's box
        assertEquals(map.actors().size(), layout.dots().size());
        for (int i = 0; i < layout.dots().size(); i++) {
            MapLayout.Dot d = layout.dots().get(i);
            Color at = new Color(png.getRGB((int) d.x(), (int) d.y()));
            assertTrue(near(at, MapColours.of(d.actor().valence()), 6), d.actor().name() + " in "
                    + d.actor().valence() + ", found " + at);
            assertTrue(ink(png, layout.labels().get(i).box()) > 20, d.actor().name() + "'s label written");
        }
        for (Valence v : Valence.values()) {
            if (map.actors().stream().anyMatch(a -> a.valence() == v)) {
                assertTrue(count(png, MapColours.of(v)) > 200, v + " on the picture");
            }
        }

        // the legend: the questionnaire's own words, each written where the legend says
        List<String> texts = drawn.legend().stream().map(MapPicture.Written::text).toList();
        assertTrue(texts.contains(legend.title()));
        assertTrue(texts.containsAll(legend.valences().values()), texts.toString());
        assertTrue(texts.containsAll(legend.givings().values()));
        assertTrue(texts.contains(legend.influence()));
        for (MapPicture.Written w : drawn.legend()) {
            assertTrue(w.box().x() >= 0 && w.box().x() + w.box().width() <= MapPicture.SIZE, w.text() + " fits");
            assertTrue(w.box().y() + w.box().height() <= MapPicture.SIZE, w.text() + " fits in height");
            assertTrue(ink(png, w.box()) > 20, w.text() + " written");
        }
        // sector names in the resident's language
        for (MapLayout.Sector s : layout.sectors()) {
            assertEquals(ShapedText.drawable(legend.domains().get(s.domain()), MapPicture.SECTOR),
                    ShapedText.drawable(String.join(" ", s.label().lines()), MapPicture.SECTOR));
            assertTrue(ink(png, s.label().box()) > 20, s.domain() + " named");
        }
        if (legend.rightToLeft()) { // the title starts at the right
            Box title = drawn.legend().getFirst().box();
            assertEquals(MapPicture.SIZE - 36, title.x() + title.width(), 1.0);
        } else {
            assertEquals(36, drawn.legend().getFirst().box().x(), 1.0);
        }
        assertNotEquals(Domain.WORK.id(), legend.domains().get(Domain.WORK), "a label, not the option id");
    }

    static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += near(new Color(img.getRGB(x, y)), c, 6) ? 1 : 0;
            }
        }
        return n;
    }

    /** Dark pixels (text) inside a box. */
    static int ink(BufferedImage img, Box b) {
        int n = 0;
        for (int y = (int) b.y(); y < Math.min(img.getHeight(), b.y() + b.height()); y++) {
            for (int x = (int) Math.max(0, b.x()); x < Math.min(img.getWidth(), b.x() + b.width()); x++) {
                Color c = new Color(img.getRGB(x, y));
                n += c.getRed() + c.getGreen() + c.getBlue() < 300 ? 1 : 0;
            }
        }
        return n;
    }
}
