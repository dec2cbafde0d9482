package be.buurtstem.engine;

/** What a resident sent, as a channel adapter hands it to the engine. */
public sealed interface Input {

    /** Anything typed: an answer, a number, a label, a yes/no word, a command ("stop", "/terug", ...). */
    record Text(String text) implements Input {
        public Text {
            text = text == null ? "" : text;
        }
    }

    /** A button press: the option id of a {@link Button}; a command id ({@code /stop}, {@code back}, ...) also works. */
    record Choice(String optionId) implements Input {
        public Choice {
            optionId = optionId == null ? "" : optionId;
        }
    }

    /** A shared location. */
    record Location(double lat, double lon) implements Input {
    }

    /** A photo: the channel's file reference and an optional caption. */
    record Photo(String fileRef, String caption) implements Input {
    }

    static Input text(String text) {
        return new Text(text);
    }

    static Input choice(String optionId) {
        return new Choice(optionId);
    }
}
