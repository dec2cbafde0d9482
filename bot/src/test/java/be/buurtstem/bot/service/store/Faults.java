package be.buurtstem.bot.service.store;

import java.util.function.Predicate;

/** For tests in other packages: a fault injected into the embedded store ({@link EmbeddedMongo#fault}). */
public final class Faults {
    private Faults() {
    }

    /** Every command {@code refuse} matches is refused with an error; null takes the fault away. */
    public static void inject(EmbeddedMongo db, Predicate<de.bwaldvogel.mongo.bson.Document> refuse) {
        db.fault(refuse);
    }
}
