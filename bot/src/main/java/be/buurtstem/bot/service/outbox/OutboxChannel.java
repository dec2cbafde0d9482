package be.buurtstem.bot.service.outbox;

import be.buurtstem.bot.service.store.OutboxItem;

import java.time.Instant;

/**
 * What a channel (Telegram, WhatsApp) adds to the {@link OutboxDispatcher}: which chats are its own, which items obey
 * the limits, and the call itself, whose answer it maps to an {@link Outcome}. Everything else (order per chat, one in
 * flight per chat, the limits, leases, back-off bookkeeping, removals) is the dispatcher's.
 */
public interface OutboxChannel {
    /** The lane of this channel's chats: the part of the chat before its first {@code :} ("" for none). */
    String lane();

    /** Whether the item counts against the overall limit and the per-chat interval (an acknowledgement does not). */
    boolean paced(OutboxItem item);

    /** Sends the item (taking its call slot from {@code pacer} right before each call) and says what happened. */
    Outcome send(OutboxItem item, SendPacer pacer);

    /** What became of an item handed to {@link #send}. */
    sealed interface Outcome {
        /** Accepted by the channel: removed (in the next batch), the chat's interval starts. */
        record Sent() implements Outcome {
        }

        /** Given up (refused, failed too often, nothing to send any more): removed, as a sent one. */
        record Dropped() implements Outcome {
        }

        /**
         * Not sent now: tried again not before {@code until}, as attempt {@code attempts} (stored, so that another
         * instance or a restart knows); {@code everybody}: the channel asked all chats to wait.
         */
        record Retry(int attempts, Instant until, boolean everybody) implements Outcome {
        }

        /** The resident cannot be reached (blocked the bot): the channel marked them; their queue is dropped. */
        record ChatStopped() implements Outcome {
        }

        /** The channel changed the store itself (e.g. dropped the chat's queue); the item is left alone a while. */
        record Handled() implements Outcome {
        }

        /** Left alone until {@code until}, nothing written (an unexpected failure). */
        record Hold(Instant until) implements Outcome {
        }

        /** Stopping before the call: the item stays and goes after the restart. */
        record Stopping() implements Outcome {
        }
    }
}
