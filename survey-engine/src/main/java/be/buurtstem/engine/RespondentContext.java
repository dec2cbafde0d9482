package be.buurtstem.engine;

import java.util.Map;

/**
 * What the channel knows when a conversation starts.
 *
 * @param channel e.g. {@code telegram}, {@code web}, {@code cli}
 * @param params  values known beforehand (e.g. {@code area} from the QR code's link); usable as ICU arguments
 */
public record RespondentContext(String channel, Map<String, String> params) {

    public static final RespondentContext NONE = new RespondentContext("unknown", Map.of());

    public RespondentContext {
        channel = channel == null ? "unknown" : channel;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static RespondentContext of(String channel) {
        return new RespondentContext(channel, Map.of());
    }
}
