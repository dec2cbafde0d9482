package be.buurtstem.bot.service.coding;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code BUURTSTEM_CODING_*}: theme coding in the service.
 *
 * @param queueCapacity answers waiting to be coded in memory; above it an answer waits for the next sweep (1,000)
 * @param retrainAfter  new analyst decisions after which the coder retrains in the background (50)
 * @param folds         cross-validation folds that score each model version (5)
 * @param iterations    training iterations of the categorizer (100)
 * @param threads       threads a retraining may use (1: the residents' conversations keep the other cores)
 * @param seedLanguages train only on the seed examples in these languages (empty: all of them)
 * @param tickInterval  how often the worker looks for uncoded answers (after an overflow or a failure), pending
 *                      saturation rebuilds and the silence rule (30 s)
 */
@ConfigurationProperties("buurtstem.coding")
public record CodingSettings(Integer queueCapacity, Integer retrainAfter, Integer folds, Integer iterations,
                             Integer threads, java.util.List<String> seedLanguages, Duration tickInterval) {
    public CodingSettings {
        queueCapacity = queueCapacity == null || queueCapacity < 1 ? 1000 : queueCapacity;
        retrainAfter = retrainAfter == null || retrainAfter < 1 ? 50 : retrainAfter;
        folds = folds == null ? 5 : folds;
        iterations = iterations == null || iterations < 1 ? 100 : iterations;
        threads = threads == null || threads < 1 ? 1 : threads;
        seedLanguages = seedLanguages == null ? java.util.List.of() : java.util.List.copyOf(seedLanguages);
        tickInterval = tickInterval == null ? Duration.ofSeconds(30) : tickInterval;
    }
}
