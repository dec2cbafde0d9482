package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.MapAnswer;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.ResidentMap;
import be.buurtstem.analysis.buurtkaart.SharedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long one picture takes to draw and encode (BENCHMARKS.md, "buurtkaart pictures"): a harness, not a test; it
 * asserts nothing and runs only when asked:
 * {@code mvn -B -o -pl bot -am -Dtest=MapPictureTiming -Dbuurtkaart.timing=true -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
@EnabledIfSystemProperty(named = "buurtkaart.timing", matches = "true")
class MapPictureTiming {
    static final String[] DOMAINS = {"family_friends", "shops", "public_space", "help_services", "key_figures",
            "religion", "work", "leisure"};
    static final String[] CLOSENESS = {"very_close", "close", "neutral", "far"};
    static final String[] ENERGY = {"energising", "neutral", "draining"};
    static final String[] GIVING = {"i_give", "i_receive", "both"};

    static NeighbourhoodMap map(int actors, String prefix) {
        List<MapAnswer> a = new ArrayList<>();
        for (int i = 1; i <= actors; i++) {
            a.addAll(MapPictureTest.round(i, prefix + " " + i, i % 2 == 0 ? "person" : "place",
                    DOMAINS[i % DOMAINS.length], CLOSENESS[i % 4], GIVING[i % 3], i % 4 == 0 ? "a_lot" : "little",
                    ENERGY[i % 3]));
        }
        return NeighbourhoodMap.of(a);
    }

    static void time(String what, Supplier<byte[]> draw) {
        for (int i = 0; i < 20; i++) {
            draw.get(); // warm-up: class loading, font tables, JIT
        }
        int rounds = 100;
        long[] ms = new long[rounds];
        int bytes = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            bytes = draw.get().length;
            ms[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(ms);
        System.out.printf("TIMING %-34s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  png %d kB%n", what,
                ms[rounds / 2] / 1000.0, ms[rounds * 95 / 100] / 1000.0, ms[rounds - 1] / 1000.0, bytes / 1024);
    }

    @Test
    void timings() {
        MapLegend nl = MapLegend.of(BundledBuurtkaart.survey(), "nl");
        MapLegend ar = MapLegend.of(BundledBuurtkaart.survey(), "ar");
        time("resident map, nl, 8 actors", () -> MapPicture.png(map(8, "Buurvrouw"), nl));
        time("resident map, ar, 8 actors", () -> MapPicture.png(map(8, "جارتي"), ar));
        time("resident map, nl, 25 actors (max)", () -> MapPicture.png(map(25, "Buurvrouw"), nl));
        List<ResidentMap> residents = new ArrayList<>();
        for (int r = 0; r < 500; r++) {
            residents.add(new ResidentMap("r" + r, Map.of("area", r % 2 == 0 ? "noord" : "zuid"), map(8, "Plek " + (r % 7))));
        }
        time("shared map, 500 residents x 8", () -> SharedMapPicture.png(SharedMap.of(residents, Map.of(), 2), nl,
                null));
        System.out.println("TIMING cores " + Runtime.getRuntime().availableProcessors());
    }
}
