package be.buurtstem.bot.service.coding;

import be.buurtstem.bot.service.BuurtstemSettings;
import be.buurtstem.bot.service.codebook.EffectiveCodebook;
import be.buurtstem.bot.service.ops.OrganiserNotifier;
import be.buurtstem.bot.service.saturation.Alerts;
import be.buurtstem.bot.service.saturation.ExpectationsFile;
import be.buurtstem.bot.service.saturation.ScopeSettings;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.saturation.SaturationSettings;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;

/** Theme coding, learning from analysts and saturation, wired into the service (issues 5 and 6). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CodingSettings.class, SaturationSettings.class})
public class CodingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CodingConfiguration.class);

    @Bean
    Coders coders(ModelInUse inUse, EffectiveCodebook codebook) {
        long t0 = System.nanoTime();
        Coders coders = Coders.bundled();
        // the analysts' edits over the bundled codebook (service/codebook)
        coders.useCodebook(codebook.current().codebook(), codebook.current().edited().merged());
        inUse.load().ifPresent(coders::use);
        log.info("theme coder ready ({} {}) in {} ms (language model: {})", coders.current().coder().coder().id(),
                coders.current().coder().coder().version(), (System.nanoTime() - t0) / 1_000_000,
                BundledCoding.detectorState());
        return coders;
    }

    @Bean
    ModelRegistry modelRegistry(Store store, BuurtstemSettings settings) {
        return new ModelRegistry(store, Path.of(settings.dataDir()).toAbsolutePath().normalize());
    }

    @Bean
    ModelInUse modelInUse(Store store, ModelRegistry registry) {
        return new ModelInUse(store, registry);
    }

    @Bean
    DecisionStore decisionStore(Store store) {
        return new DecisionStore(store);
    }

    @Bean
    Alerts saturationAlerts(Store store, ObjectProvider<OrganiserNotifier> notifier,
                            @Value("${buurtstem.organiser-language:en}") String language) {
        OrganiserNotifier n = notifier.getIfAvailable(() -> text -> log.info("organiser notice (Telegram off): {}",
                text));
        return new Alerts(store, n, language, Clock.systemUTC());
    }

    @Bean
    ScopeSettings saturationScopeSettings(Store store) {
        return new ScopeSettings(store);
    }

    @Bean
    SaturationService saturationService(Store store, DecisionStore decisions, SurveyCatalog catalog,
                                        SaturationSettings settings, Alerts alerts, ScopeSettings scopes,
                                        @Value("${buurtstem.expectations:}") String expectations) {
        return new SaturationService(store, decisions, catalog, settings, ExpectationsFile.read(expectations), scopes,
                alerts, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    CodingService codingService(Store store, Coders coders, DecisionStore decisions, SaturationService saturation,
                                SurveyCatalog catalog, CodingSettings settings) {
        return new CodingService(store, coders, decisions, saturation, catalog, settings, Clock.systemUTC());
    }

    /** Coding and saturation in {@code /actuator/health}: queue, model in use, last saturation rebuild. */
    @Bean
    HealthIndicator codingHealthIndicator(CodingService coding, SaturationService saturation) {
        return () -> {
            Health.Builder b = Health.up();
            coding.status().forEach(b::withDetail);
            // UP meanwhile: residents are answered; their answers wait in the coding queue until the model is read
            b.withDetail("language_model", BundledCoding.detectorState());
            SaturationService.Rebuild r = saturation.lastRebuild();
            if (r != null) {
                b.withDetail("saturation_rebuilt_from", r.answers()).withDetail("saturation_rebuild_ms", r.millis());
            }
            return b.build();
        };
    }

    /**
     * The worker's start-up (saturation rebuild, then the sweep) waits until the application is ready, so the
     * questionnaire catalog is loaded and every served questionnaire gets its state with its segment questions.
     * Answers stored before are queued meanwhile.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startCoding(CodingService coding) {
        return event -> coding.start();
    }

    @Bean(destroyMethod = "close")
    Learning learning(Store store, Coders coders, DecisionStore decisions, ModelRegistry registry, ModelInUse inUse,
                      CodingService coding, CodingSettings settings) {
        return new Learning(store, coders, decisions, registry, inUse, coding, settings, Clock.systemUTC());
    }
}
