package be.buurtstem.bot.service.privacy;

import be.buurtstem.bot.service.BuurtstemSettings;
import be.buurtstem.bot.service.ServiceConfiguration;
import be.buurtstem.bot.service.ops.Housekeeping;
import be.buurtstem.bot.service.ops.Retention;
import be.buurtstem.bot.service.ops.RetentionSettings;
import be.buurtstem.bot.service.store.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Erasure after deletions, the retention job and the housekeeping that runs it. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean(destroyMethod = "close")
    Erasure erasure(ServiceConfiguration.Database database, BuurtstemSettings settings,
                    ObjectProvider<ErasureStep> steps, @Value("${buurtstem.erase-within:10m}") Duration within) {
        return new Erasure(Path.of(settings.dataDir()).toAbsolutePath().normalize(), database.embedded(),
                () -> steps.orderedStream().toList(), within);
    }

    /** A deletion from before a stop or a crash: its model versions are dropped as soon as the service is up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> finishPendingErasure(Erasure erasure) {
        return event -> erasure.start();
    }

    @Bean
    Retention retention(Store store, Erasure erasure,
                        org.springframework.beans.factory.ObjectProvider<
                                be.buurtstem.bot.service.conversation.AnswerListener> listeners,
                        @Value("${buurtstem.retention:24m}") String answers,
                        @Value("${buurtstem.retention-per-questionnaire:}") String perQuestionnaire,
                        @Value("${buurtstem.retention-unconsented:24h}") String unconsented,
                        @Value("${buurtstem.retention-parked:30d}") String parked,
                        @Value("${buurtstem.retention-interval:1h}") Duration interval) {
        return new Retention(store, RetentionSettings.of(answers, perQuestionnaire, unconsented, parked, interval),
                erasure, () -> listeners.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    Housekeeping housekeeping(Store store, ServiceConfiguration.Database database, Retention retention) {
        return new Housekeeping(store, database.embedded(), retention, Clock.systemUTC());
    }
}
