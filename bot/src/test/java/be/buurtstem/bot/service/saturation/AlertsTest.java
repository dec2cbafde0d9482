package be.buurtstem.bot.service.saturation;

import be.buurtstem.analysis.saturation.SaturationEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Alert keys (what an event says, never its counts) and texts in the organisers' languages. */
class AlertsTest {
    @Test
    void keysNameTheEventNotItsCounts() {
        var a = new SaturationEvent.SegmentSaturated("area", "noord", 40, 0.96, 12.1, 12);
        var b = new SaturationEvent.SegmentSaturated("area", "noord", 41, 0.97, 12.0, 12);
        assertEquals(Alerts.key("buurt", a), Alerts.key("buurt", b));
        assertNotEquals(Alerts.key("buurt", a), Alerts.key("wonen", a));
        var silentNever = new SaturationEvent.SegmentSilent("area", "west", null, Duration.ofDays(14));
        var silentAgain = new SaturationEvent.SegmentSilent("area", "west", Instant.parse("2026-11-01T10:00:00Z"),
                Duration.ofDays(15));
        assertEquals("buurt|area=west|silent|never", Alerts.key("buurt", silentNever));
        assertNotEquals(Alerts.key("buurt", silentNever), Alerts.key("buurt", silentAgain));
        assertEquals("buurt|*=*|new-theme|housing",
                Alerts.key("buurt", new SaturationEvent.NewThemeAfterSaturation("*", "*", "housing", 50)));
    }

    @Test
    void plainWordsInDutchFrenchAndEnglish() {
        var saturated = new SaturationEvent.SegmentSaturated("*", "*", 48, 0.962, 12.2, 12);
        assertEquals("Buurtstem, buurt: bij iedereen horen we nu dezelfde thema's terug (12 thema's van 48 bewoners, "
                + "dekking 96%). Nieuwe stemmen komen eerder uit andere groepen.", Alerts.text("buurt", saturated, "nl"));
        var silent = new SaturationEvent.SegmentSilent("area", "west", null, Duration.ofDays(14));
        assertEquals("Buurtstem, buurt : personne du groupe area = west n'a répondu depuis 14 jours (jamais entendu)."
                + " Allez chercher ces voix.", Alerts.text("buurt", silent, "fr"));
        assertEquals("Buurtstem, buurt: nobody from the group area = west has answered for 14 days (not heard from"
                + " yet). Go and find these voices.", Alerts.text("buurt", silent, "en"));
        assertEquals("1 hour", Alerts.duration(Duration.ofMinutes(61), "en"));
        assertEquals("3 seconden", Alerts.duration(Duration.ofSeconds(3), "nl"));
        assertEquals("0 seconds", Alerts.duration(Duration.ZERO, "xx"));
    }
}
