package be.buurtstem.bot.service.analyst;

import be.buurtstem.bot.service.privacy.RespondentIds;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The id under which analysts see an answer. A stored answer's {@code _id} begins with the respondent's pseudonym
 * (it makes writes idempotent), and the analyst API promises not to show respondent ids; so the API and its exports
 * show an opaque reference instead: the stored id encrypted deterministically with a key derived from the service
 * secret ({@link RespondentIds#derived}), in the SIV shape (RFC 5297's idea, with HMAC-SHA256 and AES-CTR from the
 * JDK): a 128-bit HMAC of the id is both the counter's IV and the integrity tag. The same answer always has the same
 * reference, across restarts, as long as the secret stays; without the key it reveals nothing about the respondent,
 * and it needs no storage, so a deleted answer leaves no mapping behind. A forged or altered reference is refused.
 */
public final class AnswerRefs {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int TAG = 16;

    private final SecretKeySpec macKey;
    private final SecretKeySpec encKey;

    AnswerRefs(byte[] macKey, byte[] encKey) {
        this.macKey = new SecretKeySpec(macKey, "HmacSHA256");
        this.encKey = new SecretKeySpec(Arrays.copyOf(encKey, 16), "AES");
    }

    /** References keyed by the service secret (the same secret as respondent pseudonyms). */
    public static AnswerRefs from(RespondentIds ids) {
        HexFormat hex = HexFormat.of();
        return new AnswerRefs(hex.parseHex(ids.derived("analyst-answer-ref-mac")),
                hex.parseHex(ids.derived("analyst-answer-ref-enc")));
    }

    /** The reference analysts see for a stored answer id. */
    public String ref(String answerId) {
        byte[] plain = answerId.getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(plain);
        byte[] out = Arrays.copyOf(tag, TAG + plain.length);
        System.arraycopy(ctr(tag, plain), 0, out, TAG, plain.length);
        return B64.encodeToString(out);
    }

    /** The stored answer id behind a reference, or empty when it is not one of ours. */
    public Optional<String> answerId(String ref) {
        if (ref == null || ref.length() > 1024) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(ref);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length <= TAG) {
            return Optional.empty();
        }
        byte[] tag = Arrays.copyOf(raw, TAG);
        byte[] plain = ctr(tag, Arrays.copyOfRange(raw, TAG, raw.length));
        if (!MessageDigest.isEqual(tag, tag(plain))) {
            return Optional.empty();
        }
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    private byte[] tag(byte[] plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return Arrays.copyOf(mac.doFinal(plain), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] ctr(byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
