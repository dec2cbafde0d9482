package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.store.OpsCounts;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.telegram.TelegramPoller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;

/**
 * Binds {@link Metrics} to the context's registry and registers the gauges, which read existing counts at each
 * scrape: the outbox's depth, the age of its oldest item and the items under a live lease, the parked updates, the
 * answers waiting in the coding queue, and whether this instance is the Telegram poller. (Held strongly: a gauge
 * keeps only a weak reference to what it reads by default, and these objects have no other owner.)
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** The binding, undone when the context closes (tests start several contexts in one JVM). */
    public static final class Binding implements AutoCloseable {
        private final MeterRegistry registry;

        Binding(MeterRegistry registry) {
            this.registry = registry;
            Metrics.bind(registry);
        }

        @Override
        public void close() {
            Metrics.unbind(registry);
        }
    }

    @Bean(destroyMethod = "close")
    Binding metricsBinding(MeterRegistry registry, Store store, ObjectProvider<CodingService> coding,
                           ObjectProvider<TelegramPoller> poller) {
        OpsCounts counts = new OpsCounts(store);
        Gauge.builder("buurtstem.outbox.depth", counts, OpsCounts::outboxDepth)
                .description("outbox items waiting to be sent (all instances)").strongReference(true).register(registry);
        Gauge.builder("buurtstem.outbox.oldest.age", counts, c -> c.outboxOldestAge(Instant.now()).toMillis() / 1000.0)
                .baseUnit("seconds").description("how long the oldest outbox item has waited").strongReference(true).register(registry);
        Gauge.builder("buurtstem.outbox.claimed", counts, c -> c.outboxClaimed(Instant.now()))
                .description("outbox items under a live lease of some instance").strongReference(true).register(registry);
        Gauge.builder("buurtstem.updates.parked.stored", counts, OpsCounts::parkedUpdates)
                .description("parked updates kept (deleted after BUURTSTEM_RETENTION_PARKED)").strongReference(true).register(registry);
        Gauge.builder("buurtstem.coding.queue", coding, c -> {
            CodingService s = c.getIfAvailable();
            return s == null ? 0 : ((Number) s.status().get("queued")).doubleValue();
        }).description("answers waiting in memory to be coded").strongReference(true).register(registry);
        Gauge.builder("buurtstem.telegram.poller.active", poller, p -> {
            TelegramPoller t = p.getIfAvailable();
            return t != null && t.polling() ? 1 : 0;
        }).description("1 when this instance polls getUpdates (holds the poller lease)").strongReference(true).register(registry);
        return new Binding(registry);
    }
}
