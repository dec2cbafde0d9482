package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.MapAnswer;
import be.buurtstem.analysis.buurtkaart.MapLayout;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.ResidentMap;
import be.buurtstem.analysis.buurtkaart.SharedMap;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static be.buurtstem.bot.service.buurtkaart.MapPictureTest.ink;
import static be.buurtstem.bot.service.buurtkaart.MapPictureTest.near;
import static be.buurtstem.bot.service.buurtkaart.MapPictureTest.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organisers' picture from a set of residents' maps: places by name and colour, people only counted. */
class SharedMapPictureTest {
    static List<ResidentMap> residents() {
        List<ResidentMap> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<MapAnswer> a = new ArrayList<>(round(1, "Het park", "place", "public_space", "close", "i_receive",
                    "little", i == 3 ? "draining" : "energising"));
            a.addAll(round(2, "Buurtwerker Ann", "person", "key_figures", "very_close", "both", "a_lot", "energising"));
            a.addAll(round(3, i % 2 == 0 ? "Het OCMW" : "ocmw", "organisation", "help_services", "far", "i_receive",
                    "a_lot", "draining"));
            out.add(new ResidentMap("r" + i, Map.of("area", i < 2 ? "noord" : "zuid"), NeighbourhoodMap.of(a)));
        }
        return out;
    }

    @Test
    void placesAreDrawnWhereTheLayoutPutsThemInTheirColour() throws java.io.IOException {
        SharedMap shared = SharedMap.of(residents(), Map.of(), SharedMap.MIN_RESIDENTS);
        MapLegend legend = MapLegend.of(BundledBuurtkaart.survey(), "nl");
        SharedMapPicture.Drawn drawn = SharedMapPicture.draw(shared, legend, null);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "buurtkaart-shared.png"), drawn.png()); // to look at
        assertEquals(1080, drawn.image().getWidth());
        List<String> names = drawn.layout().dots().stream().map(d -> d.actor().name()).toList();
        assertEquals(List.of("Het OCMW (4)", "Het park (4)"), names.stream().sorted().toList());
        for (int i = 0; i < drawn.layout().dots().size(); i++) {
            MapLayout.Dot d = drawn.layout().dots().get(i);
            Color at = new Color(drawn.image().getRGB((int) d.x(), (int) d.y()));
            assertTrue(near(at, MapColours.of(d.actor().valence()), 6), d.actor().name() + ": " + at);
            assertTrue(ink(drawn.image(), drawn.layout().labels().get(i).box()) > 20, d.actor().name() + " written");
        }
        List<String> texts = drawn.texts().stream().map(MapPicture.Written::text).toList();
        assertTrue(texts.contains("4 kaarten van bewoners"), texts.toString());
        assertTrue(texts.contains("4 mensen (geteld, nooit bij naam)"), texts.toString());
        assertTrue(texts.contains("4 brugfiguren"), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("Ann")), "a person is never named");
        assertEquals(3, drawn.layout().sectors().size(), "a sector for every domain named, places or not");
    }

    @Test
    void perSegmentSaysWhichGroup() {
        SharedMap noord = SharedMap.of(residents(), Map.of("area", "noord"), SharedMap.MIN_RESIDENTS);
        SharedMapPicture.Drawn drawn = SharedMapPicture.draw(noord, MapLegend.of(BundledBuurtkaart.survey(), "en"),
                SharedMapPicture.describe(Map.of("area", "noord")));
        List<String> texts = drawn.texts().stream().map(MapPicture.Written::text).toList();
        assertTrue(texts.contains("2 residents’ maps · area = noord"), texts.toString());
        assertEquals(2, drawn.layout().dots().size());
    }
}
