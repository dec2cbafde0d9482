package be.buurtstem.bot.service.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Pseudonymous respondent ids: HMAC-SHA256 over channel and chat id, with a key that is either
 * {@code BUURTSTEM_SECRET} or generated at first start into {@code DATA_DIR/secret.key} (owner-only). Without the key
 * the stored id cannot be tied back to a Telegram account; the chat id itself is never stored with the answers.
 */
public final class RespondentIds {
    private final byte[] key;

    public RespondentIds(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("secret too short: at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The secret from configuration, else the key file in the data folder, created on first start. */
    public static RespondentIds load(String configuredSecret, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            return new RespondentIds(configuredSecret.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dataDir.resolve("secret.key");
        try {
            OwnerOnly.folder(dataDir);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            OwnerOnly.file(file); // also a key file from before, or copied in with the umask's mode
            return new RespondentIds(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the secret key " + file, e);
        }
    }

    /** The respondent id for a chat on a channel: 32 lowercase hex characters (128 bits). */
    public String respondentId(String channel, String chatId) {
        return HexFormat.of().formatHex(mac("respondent\u0000" + channel + "\u0000" + chatId), 0, 16);
    }

    /** A key derived for another purpose (e.g. the webhook secret token) so that one secret is enough. */
    public String derived(String purpose) {
        return HexFormat.of().formatHex(mac("derived\u0000" + purpose), 0, 24);
    }

    /** A short, non-reversible tag for logs: enough to follow one resident through the log, nothing more. */
    public static String logTag(String respondentId) {
        return respondentId == null ? "-" : respondentId.substring(0, Math.min(8, respondentId.length()));
    }

    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String message) {
        // doFinal resets the Mac for the next message; one per thread, because finding the provider and setting
        // the key on every call was 1.6 % of the webhook's CPU (PROFILE.md)
        return macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
