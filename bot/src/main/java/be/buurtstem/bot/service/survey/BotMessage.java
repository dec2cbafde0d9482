package be.buurtstem.bot.service.survey;

import java.util.List;

/** One message to a resident: plain text (never markup), the options as buttons, and what kind of answer it expects. */
public record BotMessage(String text, List<Button> buttons, Expect expect) {
    public BotMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        expect = expect == null ? Expect.NONE : expect;
    }

    public static BotMessage text(String text) {
        return new BotMessage(text, List.of(), Expect.NONE);
    }

    public record Button(String id, String label) {
    }

    /** {@code NUMBER} is a typed number (the web chat opens a number keyboard); channels may treat it as text. */
    public enum Expect { NONE, TEXT, NUMBER, CHOICE, LOCATION, PHOTO }
}
