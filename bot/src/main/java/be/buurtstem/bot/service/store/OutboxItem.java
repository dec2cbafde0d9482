package be.buurtstem.bot.service.store;

import java.time.Instant;
import java.util.List;

/**
 * One message waiting in the {@code outbox}, as the channels and the dispatcher see it: where it goes and in which
 * order ({@code chat}, {@code seq}), its retry state, a lease another instance may hold, and what it is ({@link Kind}).
 * Mapped to the stored document only by {@link OutboxItems} (the stored field names are those of before: items
 * queued by an older version are read as they are).
 *
 * @param respondent  pseudonymous id, or null (an organiser notice)
 * @param notBefore   a retry's back-off: not sent before then
 * @param claimedBy   the instance holding a lease on it (several instances on one store), or null
 * @param leaseUntil  until when that lease holds, or null
 * @param attempted   handed to a channel without an idempotency key (WhatsApp) before a crash: not repeated
 */
public record OutboxItem(String id, long seq, String chat, String respondent, int attempts, Instant notBefore,
                         Instant createdAt, String claimedBy, Instant leaseUntil, boolean attempted, Kind kind) {

    /** A new item: no attempt yet, may go at once. */
    public static OutboxItem queued(String id, long seq, String chat, String respondent, Kind kind) {
        return new OutboxItem(id, seq, chat, respondent, 0, Instant.EPOCH, Instant.now(), null, null, false, kind);
    }

    /** What the item is; each kind holds what its call needs. */
    public sealed interface Kind {
    }

    /** Telegram: acknowledges a button press ({@code answerCallbackQuery}). */
    public record Callback(String callbackId) implements Kind {
    }

    /** Telegram: the pressed message edited to show the choice. */
    public record Edit(Integer messageId, String text) implements Kind {
    }

    /**
     * Telegram: a text; the last chunk of a message also carries its buttons, what it expects (e.g. {@code LOCATION}
     * for the share-location button) and the resident's language (null on the other chunks).
     */
    public record Send(String text, List<Button> buttons, String expect, String language) implements Kind {
        public Send {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        public static Send text(String text) {
            return new Send(text, List.of(), null, null);
        }
    }

    public record Button(String id, String label) {
    }

    /** Telegram: a resident's map, drawn from the stored answers when it is sent (only the reference is kept). */
    public record Photo(String questionnaire, String language) implements Kind {
    }

    /** WhatsApp: a ready Cloud API body, to go before the end of the resident's 24-hour window. */
    public record WhatsApp(String body, Instant windowUntil, String language) implements Kind {
    }

    /** WhatsApp: a resident's map, drawn, uploaded and sent as an image when it goes. */
    public record WhatsAppMap(String questionnaire, Instant windowUntil, String language) implements Kind {
    }
}
