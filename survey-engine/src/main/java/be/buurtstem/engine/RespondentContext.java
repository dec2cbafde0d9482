package be.buurtstem.engine;

import java.util.Map;

/**
 * What the channel knows when a conversation starts.
 *
 * @param channel e.g. {@code telegram}, {@code web}, {@code cli}
 * @param params  values known beforehand (e.g. {@code area} from the QR code's link); usable as ICU arguments
 */
public record RespondentContext(String channel, Map<String, String> params) {

    /**
     * Parameter a channel sets to say how it shows buttons: {@link #NUMBERED} for numbered lines that the resident
     * answers by typing the number ({@code play}, an SMS-like channel); absent for real buttons. The engine's
     * reprompts say what the resident can do on that screen.
     */
    public static final String SHOWS = "shows";
    public static final String NUMBERED = "numbers";

    public static final RespondentContext NONE = new RespondentContext("unknown", Map.of());

    public RespondentContext {
        channel = channel == null ? "unknown" : channel;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static RespondentContext of(String channel) {
        return new RespondentContext(channel, Map.of());
    }
}
