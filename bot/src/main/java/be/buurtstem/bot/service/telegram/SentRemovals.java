package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The removal of sent outbox items, written together (group commit): a sender whose item Telegram accepted waits
 * until its removal is deleted and synced, and every sender finishing meanwhile shares that one delete and that one
 * sync. Before, each send cost its own delete round trip and its own sync call. The contract is the one of
 * {@link TelegramOutbox}: a sender returns only once its item's removal is on disk, so a restart never sends it
 * again; when the write fails, every sender of that batch gets the failure (its item is retried, as before).
 */
public final class SentRemovals {
    private final Store store;
    private final Object lock = new Object();
    private final ReentrantLock writing = new ReentrantLock();
    private Batch current = new Batch();

    private static final class Batch {
        final List<String> ids = new ArrayList<>();
        boolean written;
        RuntimeException failure;
    }

    public SentRemovals(Store store) {
        this.store = store;
    }

    /** Removes the sent item {@code id} from the outbox and syncs, with whatever else was sent meanwhile. */
    public void removeAndSync(String id) {
        Batch mine;
        synchronized (lock) {
            current.ids.add(id);
            mine = current;
        }
        writing.lock();
        try {
            if (!mine.written) { // not written by the sender before: this one writes every removal queued so far
                Batch batch;
                synchronized (lock) {
                    batch = current;
                    current = new Batch();
                }
                try {
                    store.outboxDone(batch.ids);
                    store.durability().sync();
                } catch (RuntimeException e) {
                    batch.failure = e;
                } finally {
                    batch.written = true;
                }
            }
        } finally {
            writing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }
}
