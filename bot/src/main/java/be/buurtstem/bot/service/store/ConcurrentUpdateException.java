package be.buurtstem.bot.service.store;

/** A session was changed by someone else since it was read (optimistic lock): read again and retry. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
