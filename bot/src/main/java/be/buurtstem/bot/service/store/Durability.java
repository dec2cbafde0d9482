package be.buurtstem.bot.service.store;

/**
 * The promise made before anything is confirmed to a resident or to Telegram: every write that returned before
 * {@link #sync()} was called is on disk when it returns. The embedded store does this with a group commit; an
 * external MongoDB already promises it through its write concern (majority, journaled), so there it is a no-op.
 */
public interface Durability {
    void sync();

    /**
     * Runs writes that must reach the disk together or not at all (a session, the replies it produced and the
     * processed mark of the update): no commit falls between them. Without this a commit asked for by another thread
     * (a sender, the one-second tick) could keep the session and lose the replies, and the redelivered update would
     * then be taken as already answered. A {@link #sync()} called inside commits what was written so far.
     */
    default <T> T together(java.util.function.Supplier<T> writes) {
        return writes.get();
    }

    Durability EXTERNAL = () -> { };
}
