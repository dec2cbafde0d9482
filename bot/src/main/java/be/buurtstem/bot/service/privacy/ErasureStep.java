package be.buurtstem.bot.service.privacy;

/**
 * Something besides the database that may hold a deleted resident's words (e.g. model files trained on their
 * answers). Run by {@link Erasure} after deletions, before the database file is rewritten; must be idempotent.
 */
public interface ErasureStep {
    /** Removes whatever was derived from data no longer stored; returns a count for the log (0: nothing). */
    int eraseDerived();
}
