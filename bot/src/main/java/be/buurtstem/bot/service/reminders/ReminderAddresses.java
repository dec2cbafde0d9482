package be.buurtstem.bot.service.reminders;

import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.ReminderRecords;
import be.buurtstem.bot.service.store.Store;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a reminder can reach a resident: their Telegram chat id, which the service otherwise never keeps (answers and
 * sessions carry only the pseudonymous respondent id). Kept only for conversations in progress of a questionnaire whose
 * reminder is on, in {@code reminder_addresses} (the store's {@link ReminderRecords}; the chat id is encrypted here
 * with AES-GCM under a key derived from the service's secret), and removed when the conversation ends, the reminder
 * went out, or the resident's data is deleted ({@link ReminderJob}, {@link RemindersConfiguration}).
 */
public final class ReminderAddresses {
    /**
     * Respondent and questionnaire pairs whose address this instance wrote since start: one write per resident and
     * questionnaire, not one per message.
     */
    private static final int REMEMBERED = 50_000;

    private final ReminderRecords addresses;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Set<String>> written = Collections.synchronizedMap(
            new LinkedHashMap<String, Set<String>>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public ReminderAddresses(Store store, RespondentIds ids) {
        this.addresses = store.reminderRecords();
        this.key = new SecretKeySpec(HexFormat.of().parseHex(ids.derived("reminder-addresses")), "AES");
    }

    /** Keeps the chat of a resident on a channel (once per resident and instance; a repeat changes nothing). */
    public void remember(String respondent, String channel, String chat, String questionnaire, Instant now) {
        if (chat == null
                || !written.computeIfAbsent(respondent, k -> ConcurrentHashMap.newKeySet()).add(questionnaire)) {
            return;
        }
        addresses.putAddress(new ReminderRecords.Address(respondent, channel, encrypt(chat), questionnaire, now));
    }

    /** The chat of a resident on a channel, if kept. */
    public Optional<String> chat(String respondent, String channel) {
        return addresses.sealedChat(respondent, channel).map(this::decrypt);
    }

    /** The respondent ids with a kept address for a questionnaire, those kept longest first. */
    public List<String> respondentsOf(String questionnaire, int limit) {
        return addresses.addressedRespondents(questionnaire, limit);
    }

    /** Forgets every address kept for a questionnaire not in {@code kept} (its reminder was switched off). */
    public long forgetAllBut(java.util.Collection<String> kept) {
        long gone = addresses.deleteAddressesBut(kept);
        if (gone > 0) {
            written.clear(); // switched on again later, the residents' next message keeps their address again
        }
        return gone;
    }

    public void forget(String respondent) {
        written.remove(respondent);
        addresses.deleteAddress(respondent);
    }

    String encrypt(String chat) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(chat.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null for an address sealed under another key (the secret changed): that resident cannot be reminded. */
    String decrypt(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
