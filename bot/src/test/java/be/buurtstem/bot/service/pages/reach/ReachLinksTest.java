package be.buurtstem.bot.service.pages.reach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Links per area, and what an organiser types as areas. */
class ReachLinksTest {
    @Test
    void webAndTelegramLinksCarryTheArea() {
        ReachLinks l = ReachLinks.of("https://b.example.be", "buurt_bot", "inclusieweb", "area", "noord");
        assertEquals("https://b.example.be/chat/inclusieweb?area=noord", l.web());
        assertEquals("https://t.me/buurt_bot?start=inclusieweb__area-noord", l.telegram());
        assertEquals("b.example.be/chat/inclusieweb?area=noord", l.shortWeb());
        ReachLinks everyone = ReachLinks.of("https://b.example.be", "buurt_bot", "inclusieweb", null, null);
        assertEquals("https://t.me/buurt_bot?start=inclusieweb", everyone.telegram());
    }

    @Test
    void aValueTelegramCannotCarryGetsOnlyAWebLinkWithTheReason() {
        ReachLinks arabic = ReachLinks.of("https://b.be", "bot", "wijk", "area", "الشمال");
        assertEquals("https://b.be/chat/wijk?area=%D8%A7%D9%84%D8%B4%D9%85%D8%A7%D9%84", arabic.web());
        assertNull(arabic.telegram());
        assertEquals("reach.telegram.letters", arabic.telegramProblem());
        assertEquals("reach.telegram.noBot", ReachLinks.of("https://b.be", null, "wijk", null, null).telegramProblem());
        assertEquals("reach.telegram.tooLong",
                ReachLinks.of("https://b.be", "bot", "wijk", "organisation_of_street", "a".repeat(40)).telegramProblem());
    }

    @Test
    void typedValuesBecomeLinkValues() {
        ReachAreas.Parsed p = ReachAreas.parse("Noord, Sint-Jansstraat\nRue Haute;Église\n\nnoord\nbad__value");
        assertEquals(List.of("noord", "sint-jansstraat", "rue-haute", "eglise"), p.values());
        assertEquals(List.of("bad__value"), p.refused());
        assertNull(ReachAreas.field("Straat naam"));
        assertEquals("street", ReachAreas.field(" Street "));
    }
}
