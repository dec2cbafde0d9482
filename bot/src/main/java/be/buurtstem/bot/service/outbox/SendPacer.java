package be.buurtstem.bot.service.outbox;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A channel's overall send limit ({@code perSecond} calls) and its pauses (a 429 for everybody). Kept twice: when the
 * dispatcher hands an item to a sender ({@link #awaitDispatch}, so that items do not wait on senders while holding
 * their leases), and right before each call ({@link #awaitCall}): senders that waited (a slow call) would otherwise
 * go together, and no one-second window may hold more than {@code perSecond} calls.
 */
public final class SendPacer {
    private final long intervalNanos;
    private long nextDispatchNanos = System.nanoTime();
    private long nextCallNanos = System.nanoTime();
    private volatile Instant pausedUntil = Instant.EPOCH;

    public SendPacer(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("messages per second must be positive, got " + perSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    /** Called by the dispatcher thread only. */
    void awaitDispatch() throws InterruptedException {
        long wait = nextDispatchNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        nextDispatchNanos = Math.max(System.nanoTime(), nextDispatchNanos) + intervalNanos;
    }

    /** Waits for this call's slot; false when interrupted (stopping: the item stays queued). */
    public boolean awaitCall() {
        long slot;
        synchronized (this) {
            slot = Math.max(System.nanoTime(), nextCallNanos);
            nextCallNanos = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Nothing goes before {@code until} (the channel asked everybody to wait). */
    public void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    public Instant pausedUntil() {
        return pausedUntil;
    }
}
