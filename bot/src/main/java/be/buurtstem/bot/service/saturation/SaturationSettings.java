package be.buurtstem.bot.service.saturation;

import be.buurtstem.analysis.saturation.SaturationThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code BUURTSTEM_SATURATION_*}: the service's saturation defaults. A questionnaire's own {@code saturation:} block
 * wins over these, and these over the analysis module's defaults (DESIGN.md, "Saturation").
 *
 * @param minRespondents  below this many respondents a segment is too few (30)
 * @param minMentions     below this many theme mentions a segment is too few (30)
 * @param coverage        coverage that must hold (0.95)
 * @param holdMinimum     over at least this many latest respondents (10)
 * @param holdFraction    and this share of all respondents (0.20)
 * @param chao2Tolerance  Chao2 within this share of the themes seen (0.05)
 * @param segments        segment fields followed besides language, channel, block and the questionnaire's own
 *                        segment questions ({@code age_band,area})
 * @param silenceAfter    a target segment not heard for this long is alerted (14 days)
 * @param tickInterval    how often the silence rule is checked (1 h)
 * @param rebuildDelay    after an analyst decision or a deletion, the states are rebuilt from the stored answers
 *                        at most this late (30 s)
 */
@ConfigurationProperties("buurtstem.saturation")
public record SaturationSettings(Integer minRespondents, Long minMentions, Double coverage, Integer holdMinimum,
                                 Double holdFraction, Double chao2Tolerance, List<String> segments,
                                 Duration silenceAfter, Duration tickInterval, Duration rebuildDelay) {
    public SaturationSettings {
        segments = segments == null ? List.of("age_band", "area") : List.copyOf(segments);
        silenceAfter = silenceAfter == null ? Duration.ofDays(14) : silenceAfter;
        tickInterval = tickInterval == null ? Duration.ofHours(1) : tickInterval;
        rebuildDelay = rebuildDelay == null ? Duration.ofSeconds(30) : rebuildDelay;
    }

    /** The defaults with these settings applied. */
    public SaturationThresholds thresholds() {
        SaturationThresholds d = SaturationThresholds.DEFAULTS;
        return new SaturationThresholds(or(minRespondents, d.minRespondents()), or(minMentions, d.minMentions()),
                or(coverage, d.coverageTarget()), or(holdMinimum, d.holdMinimum()), or(holdFraction, d.holdFraction()),
                or(chao2Tolerance, d.chao2Tolerance()), d.lookahead(), d.guestBase(), d.guestRun(), d.guestThreshold(),
                d.underRepresentedRatio());
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
