package be.buurtstem.analysis.saturation;

import java.time.Duration;
import java.time.Instant;

/**
 * An alert-worthy transition, as a pure value: the service turns it into a message for the organisers' chat. Each
 * event is produced once by a {@link SaturationState}. {@code field} and {@code value} name the segment;
 * both are {@link #OVERALL} for the whole scope.
 */
public sealed interface SaturationEvent {

    String OVERALL = "*";

    String field();

    String value();

    /** A segment reached the saturated status for the first time. */
    record SegmentSaturated(String field, String value, int respondents, double coverage, double chao2,
                            int themesSeen) implements SaturationEvent {
    }

    /** A segment that was declared saturated hears a theme it had never heard. */
    record NewThemeAfterSaturation(String field, String value, String theme, int respondents)
            implements SaturationEvent {
    }

    /** A target segment has been silent for at least the configured time ({@code lastHeard} null: never heard). */
    record SegmentSilent(String field, String value, Instant lastHeard, Duration silentFor)
            implements SaturationEvent {
    }
}
