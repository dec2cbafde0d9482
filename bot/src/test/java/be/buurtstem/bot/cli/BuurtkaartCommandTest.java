package be.buurtstem.bot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code buurtkaart --input F --output map.png [--segment f=v]} on a real answer file. */
class BuurtkaartCommandTest {
    @TempDir
    Path dir;

    /** One JSON line per answer of a round: respondent, question, round, the option id as text. */
    static void round(List<String> lines, String respondent, String area, int round, String name, String kind,
                      String domain, String closeness, String energy) {
        String[][] answers = {{"entry_name", name}, {"entry_type", kind}, {"entry_domain", domain},
                {"closeness", closeness}, {"give_receive", "both"}, {"influence", "little"}, {"energy", energy}};
        for (String[] a : answers) {
            lines.add("{\"id\":\"" + respondent + "-" + round + "-" + a[0] + "\",\"respondent\":\"" + respondent
                    + "\",\"question\":\"" + a[0] + "\",\"round\":" + round + ",\"text\":\"" + a[1]
                    + "\",\"language\":\"nl\",\"area\":\"" + area + "\"}");
        }
    }

    Path export() throws IOException {
        List<String> lines = new ArrayList<>();
        round(lines, "r1", "noord", 1, "Het park", "place", "public_space", "close", "energising");
        round(lines, "r1", "noord", 2, "Fatima", "person", "key_figures", "very_close", "energising");
        round(lines, "r2", "noord", 1, "het park", "place", "public_space", "far", "draining");
        round(lines, "r3", "zuid", 1, "Het Park", "place", "public_space", "neutral", "energising");
        round(lines, "r3", "zuid", 2, "Moskee Al Fath", "place", "religion", "very_close", "energising");
        lines.add("{\"id\":\"x\",\"text\":\"no respondent, no round\"}");
        Path f = dir.resolve("export.jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test
    void drawsTheNeighbourhoodMapFromAnExport() throws IOException {
        Path png = dir.resolve("map.png");
        CliRun r = CliRun.run("buurtkaart", "--input", export().toString(), "--output", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("3 residents' maps, 1 places named by 2 or more"), r.out());
        assertTrue(r.out().contains("1 records without respondent or round skipped"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1080, img.getWidth());
        assertEquals(1080, img.getHeight());
    }

    @Test
    void perSegment() throws IOException {
        Path png = dir.resolve("noord.png");
        CliRun r = CliRun.run("buurtkaart", "--input", export().toString(), "--output", png.toString(),
                "--segment", "area=noord", "--lang", "fr");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 residents' maps, 1 places"), r.out());
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void badArgumentsSayWhy() throws IOException {
        CliRun noValue = CliRun.run("buurtkaart", "--input", export().toString(), "--output",
                dir.resolve("m.png").toString(), "--segment", "area");
        assertEquals(2, noValue.exit());
        assertTrue(noValue.err().contains("FIELD=VALUE"), noValue.err());
        CliRun notPng = CliRun.run("buurtkaart", "--input", export().toString(), "--output",
                dir.resolve("m.jpg").toString());
        assertEquals(2, notPng.exit());
        assertTrue(notPng.err().contains(".png"), notPng.err());
        CliRun missing = CliRun.run("buurtkaart", "--input", dir.resolve("nope.jsonl").toString(), "--output",
                dir.resolve("m.png").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
        assertFalse(Files.exists(dir.resolve("m.png")));
    }
}
