package be.buurtstem.bot.service.conversation;

import be.buurtstem.engine.Input;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One message from a resident, channel-neutral. {@code chat} is the channel's address of the resident (Telegram chat
 * id, web chat cookie id): it is only hashed, never stored with answers. {@code inputId} is unique per inbound
 * message (e.g. {@code tg:123456}) and makes handling idempotent. {@code suggestedLanguage} is the platform's language
 * of the resident, a suggestion only.
 */
public record Inbound(String channel, String chat, String inputId, Action action, String suggestedLanguage, Instant at) {

    public sealed interface Action {
    }

    /** {@code /start}, optionally with a deep-link payload naming a questionnaire and segment values. */
    public record Start(String payload) implements Action {
    }

    /** The resident picked a questionnaire from the list. */
    public record Pick(String questionnaireId) implements Action {
    }

    /** An answer, a button press or an in-conversation command, for the engine. */
    public record Answer(Input input) implements Action {
    }

    /**
     * A button press the channel could not carry whole (Telegram's callback data holds 64 bytes, so a longer id is
     * sent as a hash): the channel's own {@code decode} finds the button id among the ids of the buttons the resident
     * was shown last, which the service knows. Empty: none of them (an old message's button).
     */
    public record Press(Function<List<String>, Optional<String>> decode) implements Action {
    }

    public record DeleteMyData() implements Action {
    }

    public record ShowMyData() implements Action {
    }

    /** "My map" ({@code /kaart}, "mijn kaart"): the picture of the resident's buurtkaart again. */
    public record ShowMyMap() implements Action {
    }

    /** Something the service cannot read (a sticker, a voice note). */
    public record Unsupported(String what) implements Action {
    }
}
