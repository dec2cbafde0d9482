package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;

import java.util.List;

/**
 * A message as the web chat page shows it: the engine's text, buttons and expectation, and for the resident's map
 * the address of its picture ({@code image}, served by {@link WebMapController} to this chat's own cookie only) with
 * the caption as text.
 */
public record ChatMessage(String text, List<Button> buttons, Expect expect, String image) {
    static ChatMessage of(OutboundMessage m, String language) {
        return MapMessage.questionnaireOf(m)
                .map(q -> new ChatMessage(MapPictures.caption(language), List.of(), Expect.NOTHING,
                        "/chat/" + q + "/api/map.png?lang=" + language))
                .orElseGet(() -> new ChatMessage(m.text(), m.buttons(), m.expect(), null));
    }
}
