package be.buurtstem.bot.service.telegram;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackDataTest {
    @Test
    void shortIdsAreSentAsThemselves() {
        assertEquals("o:noord", CallbackData.encode("noord"));
        assertEquals(Optional.of("noord"), CallbackData.decode("o:noord", List.of()));
    }

    @Test
    void longIdsAreHashedWithinSixtyFourBytesAndResolvedAgainstTheButtons() {
        String longId = "a_very_long_option_identifier_that_an_organiser_wrote_for_clarity_and_more";
        String data = CallbackData.encode(longId);
        assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64);
        assertEquals(Optional.of(longId), CallbackData.decode(data, List.of("other", longId)));
        assertEquals(Optional.empty(), CallbackData.decode(data, List.of("other")));
    }
}
