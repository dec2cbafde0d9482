package be.buurtstem.bot.service.saturation;

import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thresholds: defaults ← service settings ← the questionnaire's {@code saturation:} block; the expectations file. */
class SaturationSettingsTest {
    @TempDir
    Path dir;

    @Test
    void questionnaireBlockWinsOverServiceSettings() {
        SaturationSettings settings = new SaturationSettings(6, 6L, null, 3, null, null, null, null, null, null);
        SaturationThresholds service = settings.thresholds();
        assertEquals(6, service.minRespondents());
        assertEquals(0.95, service.coverageTarget());
        assertEquals(Duration.ofDays(14), settings.silenceAfter());
        SaturationThresholds q = SaturationService.thresholds(service,
                Map.of("min_respondents", 50.0, "coverage", 0.9, "hold_fraction", 0.3), "buurt");
        assertEquals(50, q.minRespondents());
        assertEquals(6, q.minMentions());
        assertEquals(0.9, q.coverageTarget());
        assertEquals(0.3, q.holdFraction());
        assertEquals(3, q.holdMinimum());
        // an impossible block is refused as a whole (logged), the service's thresholds stay
        assertSame(service, SaturationService.thresholds(service, Map.of("coverage", 1.5), "buurt"));
        assertSame(service, SaturationService.thresholds(service, Map.of(), "buurt"));
    }

    @Test
    void expectationsFile() throws Exception {
        assertSame(Expectations.NONE, ExpectationsFile.read(""));
        Path good = dir.resolve("e.json");
        Files.writeString(good, "{\"language\": {\"nl\": 2, \"fr\": 1, \"ar\": 1}, \"area\": {\"noord\": 0.5}}");
        Expectations e = ExpectationsFile.read(good.toString());
        assertEquals(0.5, e.expected("language", "nl"), 1e-9);
        assertEquals(1.0, e.expected("area", "noord"), 1e-9);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"language\": {\"nl\": -1}}");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ExpectationsFile.read(bad.toString()));
        assertTrue(ex.getMessage().contains("language.nl must be a share"), ex.getMessage());
        Files.writeString(bad, "{\"language\": ");
        ex = assertThrows(IllegalArgumentException.class, () -> ExpectationsFile.read(bad.toString()));
        assertTrue(ex.getMessage().startsWith("BUURTSTEM_EXPECTATIONS: "), ex.getMessage());
    }
}
