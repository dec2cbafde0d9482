package be.buurtstem.engine;

import java.util.List;

/** One message to the resident: the text, the buttons to show (in order), and what reply it waits for. */
public record OutboundMessage(String text, List<Button> buttons, Expect expect) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static OutboundMessage info(String text) {
        return new OutboundMessage(text, List.of(), Expect.NOTHING);
    }
}
