package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.engine.Input;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What asks for the map again, in each language; and what does not. */
class MapWordsTest {
    static boolean asks(String typed) {
        return MapWords.asks(new Input.Text(typed));
    }

    @Test
    void eachLanguageAsksForItsMap() {
        for (String s : new String[]{"mijn kaart", "Mijn Kaart!", "ma carte", "MA CARTE", "my map", "haritam",
                "خريطتي", "خريطة حيّي", "/kaart", "/carte"}) {
            assertTrue(asks(s), s);
        }
        assertTrue(MapWords.slashCommand(new Input.Text("/kaart")));
        assertTrue(MapWords.slashCommand(new Input.Text("/map@buurtstem_bot")));
    }

    @Test
    void aSentenceOrAChoiceIsNotAsking() {
        assertFalse(asks("ik vind mijn kaart mooi"));
        assertFalse(asks("kaartclub"));
        assertFalse(MapWords.asks(new Input.Choice("map")));
        assertFalse(MapWords.slashCommand(new Input.Text("mijn kaart")), "typed words are not the command");
        assertFalse(MapWords.slashCommand(new Input.Text("/start")));
    }
}
