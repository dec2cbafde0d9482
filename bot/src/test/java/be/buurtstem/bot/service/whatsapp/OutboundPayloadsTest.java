package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which form WhatsApp gets for a message, at the edges of its limits. */
class OutboundPayloadsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> of(OutboundMessage m, String language) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String s : OutboundPayloads.of("32470000000", m, language)) {
            out.add(JSON.readTree(s));
        }
        return out;
    }

    static List<Button> buttons(int n, int labelLength) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Button("o" + i,
                i + "x".repeat(labelLength - String.valueOf(i).length())))
                .toList();
    }

    @Test
    void threeShortOptionsAreButtonsAFourthOrALongerTitleMakesAList() throws Exception {
        JsonNode three = of(new OutboundMessage("Vraag?", buttons(3, 20), Expect.CHOICE), "nl").getFirst();
        assertEquals("button", three.path("interactive").path("type").asText());
        assertEquals(3, three.path("interactive").path("action").path("buttons").size());
        JsonNode four = of(new OutboundMessage("Vraag?", buttons(4, 5), Expect.CHOICE), "nl").getFirst();
        assertEquals("list", four.path("interactive").path("type").asText());
        JsonNode longer = of(new OutboundMessage("Vraag?", buttons(2, 21), Expect.CHOICE), "nl").getFirst();
        assertEquals("list", longer.path("interactive").path("type").asText());
        assertEquals("Kies", longer.path("interactive").path("action").path("button").asText());
    }

    @Test
    void beyondTenRowsOrTwentyFourCharactersOptionsAreNumberedText() throws Exception {
        JsonNode ten = of(new OutboundMessage("Vraag?", buttons(10, 24), Expect.CHOICE), "nl").getFirst();
        assertEquals(10, ten.path("interactive").path("action").path("sections").path(0).path("rows").size());
        for (OutboundMessage m : List.of(new OutboundMessage("Vraag?", buttons(11, 5), Expect.CHOICE),
                new OutboundMessage("Vraag?", buttons(2, 25), Expect.CHOICE))) {
            JsonNode text = of(m, "nl").getFirst();
            assertEquals("text", text.path("type").asText());
            assertTrue(text.path("text").path("body").asText().contains("\n2. "), text.toString());
        }
    }

    @Test
    void anEmojiIsOneCharacter() {
        assertEquals(20, OutboundPayloads.length("😀".repeat(20)));
        assertEquals("buttons", OutboundPayloads.shape(List.of(new Button("a", "😀".repeat(20)))));
    }

    @Test
    void longTextsAreSplitUnderTheLimitsAndTheButtonsComeWithTheLast() throws Exception {
        String sentence = "Dit is een zin over het plein en de bomen. ";
        String text = sentence.repeat(250); // about 10,750 characters
        List<JsonNode> parts = of(new OutboundMessage(text, buttons(2, 5), Expect.CHOICE), "nl");
        assertTrue(parts.size() >= 3, parts.size() + " parts");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode p = parts.get(i);
            boolean last = i == parts.size() - 1;
            assertEquals(last ? "interactive" : "text", p.path("type").asText());
            String body = last ? p.path("interactive").path("body").path("text").asText()
                    : p.path("text").path("body").asText();
            assertTrue(body.length() <= (last ? 1024 : 4096), body.length() + " characters");
            all.append(body);
        }
        assertEquals(text.replace(" ", ""), all.toString().replace(" ", "").replace("\n", ""),
                "nothing lost or added");
    }

    @Test
    void arabicGoesAsWrittenAndALocationQuestionAsksForTheLocation() throws Exception {
        JsonNode ar = of(new OutboundMessage("في أي حي تسكن؟", List.of(new Button("n", "الشمال")), Expect.CHOICE),
                "ar").getFirst();
        assertEquals("في أي حي تسكن؟", ar.path("interactive").path("body").path("text").asText());
        JsonNode where = of(new OutboundMessage("Waar?", List.of(), Expect.LOCATION), "nl").getFirst();
        assertEquals("location_request_message", where.path("interactive").path("type").asText());
    }
}
