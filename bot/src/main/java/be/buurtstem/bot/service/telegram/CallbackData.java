package be.buurtstem.bot.service.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Telegram's callback data is at most 64 bytes. A button id is sent as {@code o:ID} when that fits, else as
 * {@code h:} and a hash of the id, resolved against the buttons of the message it came from.
 */
public final class CallbackData {
    public static final int LIMIT = 64;

    private CallbackData() {
    }

    public static String encode(String buttonId) {
        String plain = "o:" + buttonId;
        if (plain.getBytes(StandardCharsets.UTF_8).length <= LIMIT) {
            return plain;
        }
        return "h:" + hash(buttonId);
    }

    /** The button id, or empty when the data is not ours. Hashed ids are resolved among {@code candidates}. */
    public static Optional<String> decode(String data, List<String> candidates) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.startsWith("o:")) {
            return Optional.of(data.substring(2));
        }
        if (data.startsWith("h:")) {
            String h = data.substring(2);
            return candidates.stream().filter(c -> hash(c).equals(h)).findFirst();
        }
        return Optional.empty();
    }

    static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
