package be.buurtstem.bot.service;

import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Durability;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoreConnection;
import be.buurtstem.bot.service.survey.SurveyCatalog;
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

/** Storage, privacy and the conversation service. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ServiceConfiguration.class);

    /** The database: an external MongoDB ({@code MONGODB_URI}) or the embedded server in the data folder. */
    public record Database(StoreConnection connection, Durability durability, EmbeddedMongo embedded,
                           String description) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Database database(@Value("${mongodb.uri:}") String uri, BuurtstemSettings settings,
                      ObjectProvider<com.mongodb.event.CommandListener> commandListeners) {
        if (uri != null && !uri.isBlank()) {
            StoreConnection connection = StoreConnection.external(uri, "buurtstem",
                    commandListeners.orderedStream().toList());
            log.info("using external MongoDB (write concern majority, journaled)");
            return new Database(connection, Durability.EXTERNAL, null, "external");
        }
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        EmbeddedMongo embedded = EmbeddedMongo.open(dir);
        StoreConnection connection = StoreConnection.embedded(embedded, "buurtstem",
                commandListeners.orderedStream().toList());
        log.info("using the embedded database in {}", dir);
        return new Database(connection, embedded, embedded, "embedded");
    }

    @Bean
    Store store(Database database, BuurtstemSettings settings) {
        Store store = database.connection().store(settings.database(), database.durability());
        store.createIndexes();
        if (database.embedded() != null) {
            store.keepOutboxHeadsInMemory(); // the only writer of its store: no aggregation per dispatcher round
            store.readInProcess(database.embedded()); // a message's read without the wire protocol
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
