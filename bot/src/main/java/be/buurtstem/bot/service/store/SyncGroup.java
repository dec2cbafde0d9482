package be.buurtstem.bot.service.store;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The messages one caller confirms with one sync: a webhook request's, a poller batch's (handled on several worker
 * threads, synced on the poller's). Its sync fails only when one of its own messages was not written (its session
 * lost the optimistic lock, or the store refused its writes): another caller's loss does not fail it. Without a
 * group a thread is its own group (the webhook and the web chat handle and sync on one thread).
 */
public final class SyncGroup {
    final AtomicInteger lost = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    private final WriteBehind writeBehind;

    SyncGroup() {
        this(null);
    }

    SyncGroup(WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
    }

    /** Runs {@code work} (on any thread) with the messages it handles in this group. */
    public <T> T within(Supplier<T> work) {
        SyncGroup outer = WriteBehind.enter(this);
        try {
            return work.get();
        } finally {
            WriteBehind.leave(outer);
        }
    }

    public void run(Runnable work) {
        within(() -> {
            work.run();
            return null;
        });
    }

    /** Everything queued so far written and on disk; throws when one of this group's messages was not written. */
    public void sync() {
        within(() -> {
            writeBehind.sync();
            return null;
        });
    }
}
