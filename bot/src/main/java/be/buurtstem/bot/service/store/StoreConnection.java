package be.buurtstem.bot.service.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The driver's connection to a database, made here so that nothing outside this package holds a driver client:
 * {@code serve} and {@code export} open a {@link Store} through it.
 */
public final class StoreConnection implements AutoCloseable {
    private final MongoClient client;

    private StoreConnection(MongoClient client) {
        this.client = client;
    }

    /** An external MongoDB ({@code MONGODB_URI}): writes with write concern majority, journaled. */
    public static StoreConnection external(String uri, String application, List<CommandListener> listeners) {
        return new StoreConnection(MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .commandListenerList(listeners)
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .applicationName(application).build()));
    }

    /**
     * The embedded server of this process. The driver's heartbeat reads with the connect timeout; commands (and
     * heartbeats) wait while the store file is rewritten after a deletion (seconds on a large store), or while a
     * large export is sorted: a short timeout would make the driver drop its pool and fail commands then. The server
     * is in this process: nothing to detect.
     */
    public static StoreConnection embedded(EmbeddedMongo embedded, String application,
                                           List<CommandListener> listeners) {
        return new StoreConnection(MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(embedded.connectionString()))
                .commandListenerList(listeners) // e.g. a test counting round trips
                .applyToSocketSettings(s -> s.connectTimeout(60, TimeUnit.SECONDS))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applicationName(application).build()));
    }

    /**
     * A reading command's connection ({@code export}) to any address: a longer server selection (the store may be
     * starting), and the long connect timeout of {@link #embedded}.
     */
    public static StoreConnection reader(String uri, String application) {
        return new StoreConnection(MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(60, TimeUnit.SECONDS))
                .applicationName(application).build()));
    }

    /** The store on one database of this connection. */
    public Store store(String database, Durability durability) {
        return new Store(client, database, durability);
    }

    @Override
    public void close() {
        client.close();
    }
}
