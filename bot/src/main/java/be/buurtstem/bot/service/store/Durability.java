package be.buurtstem.bot.service.store;

/**
 * The promise made before anything is confirmed to a resident or to Telegram: every write that returned before
 * {@link #sync()} was called is on disk when it returns. The embedded store does this with a group commit; an
 * external MongoDB already promises it through its write concern (majority, journaled), so there it is a no-op.
 */
public interface Durability {
    void sync();

    Durability EXTERNAL = () -> { };
}
