package be.buurtstem.bench.saturation;

import be.buurtstem.analysis.saturation.CodedAnswer;
import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.Saturation;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationState;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Saturation over a million coded answers: the full batch report (target &lt; 2 s) and the incremental update per
 * coded answer (target: microseconds). See bench/results-saturation.md for commands and results.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms2g"})
public class SaturationBench {

    static final List<String> BY = List.of("age_band", "area", "language");

    /** Answers of {@code count} records: ~2.5 per respondent, 1–3 themes from a Zipf-like list of 300 themes. */
    static List<CodedAnswer> answers(int count, long seed, String prefix) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] ages = {"18-34", "35-54", "55-74", "75+"};
        String[] areas = {"Kuregem", "Anneessens", "Marollen", "Dansaert", "Molenbeek-centrum", "Brabantwijk"};
        String[] langs = {"nl", "fr", "ar", "tr", "en"};
        List<Map<String, String>> profiles = new ArrayList<>();
        for (String a : ages) {
            for (String b : areas) {
                for (String l : langs) {
                    profiles.add(Map.of("age_band", a, "area", b, "language", l));
                }
            }
        }
        String[] themes = new String[300];
        for (int i = 0; i < themes.length; i++) {
            themes[i] = "theme-" + i;
        }
        List<CodedAnswer> out = new ArrayList<>(count);
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        int respondent = 0;
        int left = 0;
        Map<String, String> profile = null;
        for (int i = 0; i < count; i++) {
            if (left == 0) {
                respondent++;
                left = 1 + r.nextInt(4);
                profile = profiles.get(r.nextInt(profiles.size()));
            }
            left--;
            int k = 1 + r.nextInt(3);
            List<String> ts = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                ts.add(themes[(int) (themes.length * Math.pow(r.nextDouble(), 3))]);
            }
            out.add(new CodedAnswer(prefix + i, prefix + respondent, "buurt", "q" + (left + 1), null, profile,
                    List.copyOf(ts), t0.plusSeconds(i), r.nextInt(4) == 0));
        }
        return out;
    }

    @State(Scope.Benchmark)
    public static class Million {
        @Param("1000000")
        int answers;
        List<CodedAnswer> data;

        @Setup(Level.Trial)
        public void setUp() {
            data = answers(answers, 1, "a");
        }
    }

    /**
     * The full report over a million answers, overall and by three segment fields: {@link Saturation#report}
     * (arrival-order sort, then one pass through the incremental engine).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SaturationReport fullReport(Million m) {
        return Saturation.report(m.data, BY, SaturationThresholds.DEFAULTS, Expectations.NONE);
    }

    /** The from-scratch reference computation with plain collections (for comparison only). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public SaturationReport referenceReport(Million m) {
        return Saturation.referenceReport(m.data, BY, SaturationThresholds.DEFAULTS, Expectations.NONE);
    }

    @State(Scope.Thread)
    public static class Filled {
        SaturationState state;
        List<CodedAnswer> next;
        int i;

        @Setup(Level.Trial)
        public void setUp() {
            state = new SaturationState(BY, SaturationThresholds.DEFAULTS, Expectations.NONE, null);
            for (CodedAnswer a : answers(1_000_000, 1, "a")) {
                state.add(a);
            }
            next = answers(2_000_000, 2, "b");
        }
    }

    /** One coded answer added to a state that already holds a million (with three segment fields). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object incrementalAdd(Filled f) {
        return f.state.add(f.next.get(f.i++ % f.next.size()));
    }
}
