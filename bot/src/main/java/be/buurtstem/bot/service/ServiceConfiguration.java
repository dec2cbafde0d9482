package be.buurtstem.bot.service;

import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Durability;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Storage, privacy and the conversation service. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ServiceConfiguration.class);

    /** The database: an external MongoDB ({@code MONGODB_URI}) or the embedded server in the data folder. */
    public record Database(MongoClient client, Durability durability, EmbeddedMongo embedded, String description)
            implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Database database(@Value("${mongodb.uri:}") String uri, BuurtstemSettings settings,
                      ObjectProvider<com.mongodb.event.CommandListener> commandListeners) {
        if (uri != null && !uri.isBlank()) {
            MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .commandListenerList(commandListeners.orderedStream().toList())
                    .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                    .applicationName("buurtstem").build());
            log.info("using external MongoDB (write concern majority, journaled)");
            return new Database(client, Durability.EXTERNAL, null, "external");
        }
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        EmbeddedMongo embedded = EmbeddedMongo.open(dir);
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(embedded.connectionString()))
                .commandListenerList(commandListeners.orderedStream().toList()) // e.g. a test counting round trips
                // the driver's heartbeat reads with the connect timeout; commands (and heartbeats) wait while the
                // store file is rewritten after a deletion (seconds on a large store): a short timeout would make
                // the driver drop its pool and fail commands then. The server is in this process: nothing to detect.
                .applyToSocketSettings(s -> s.connectTimeout(60, TimeUnit.SECONDS))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applicationName("buurtstem").build());
        log.info("using the embedded database in {}", dir);
        return new Database(client, embedded, embedded, "embedded");
    }

    @Bean
    Store store(Database database, BuurtstemSettings settings) {
        Store store = new Store(database.client(), settings.database(), database.durability());
        store.createIndexes();
        if (database.embedded() != null) {
            store.keepOutboxHeadsInMemory(); // the only writer of its store: no aggregation per dispatcher round
        }
        return store;
    }

    @Bean
    RespondentIds respondentIds(BuurtstemSettings settings) {
        return RespondentIds.load(settings.secret(), Path.of(settings.dataDir()));
    }

    @Bean
    ConversationService conversationService(Store store, SurveyCatalog catalog, RespondentIds ids,
                                            ObjectProvider<AnswerListener> listeners, BuurtstemSettings settings) {
        List<AnswerListener> all = listeners.orderedStream().toList();
        return new ConversationService(store, catalog, ids, all, settings.welcomeBackAfter(),
                settings.defaultLanguage());
    }

    @Bean
    HealthIndicator databaseHealthIndicator(Store store, Database database) {
        return () -> {
            try {
                store.ping();
                return Health.up().withDetail("database", database.description()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("database", database.description())
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
