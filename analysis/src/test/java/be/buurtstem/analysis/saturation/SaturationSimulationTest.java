package be.buurtstem.analysis.saturation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of the validation targets (analysis/docs/saturation.md reports the figures they print).
 * Each scenario: 200 runs of up to 600 respondents voicing 1–3 themes from a known long-tailed distribution, with
 * a 15 % minority segment that has 5 themes of its own; "errors" variants replace 5 % of codes by a random theme.
 */
class SaturationSimulationTest {

    static final int RUNS = 200;
    static final int RESPONDENTS = 600;
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    record Outcome(double[] coverageError, double[] chao2RelErr200, double[] chao2RelErr400, int saturatedRuns,
                   int falseSaturated, int minorityViolations, int minoritySaturatedRuns, double[] saturatedAt,
                   int guestRuns, int guestEarlyFalse, double[] guestAt, double[] trueCoverageAtGuest) {
    }

    static Neighbourhood scenario(String name, double errors) {
        return switch (name) {
            case "light" -> new Neighbourhood(name, 30, 0.6, 5, 0.15, 0.4, errors);
            case "moderate" -> new Neighbourhood(name, 50, 1.0, 5, 0.15, 0.4, errors);
            case "heavy" -> new Neighbourhood(name, 120, 1.4, 5, 0.15, 0.4, errors);
            case "minority" -> new Neighbourhood(name, 30, 0.8, 6, 0.30, 0.35, errors);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Outcome simulate(Neighbourhood n, SaturationThresholds th, long seedBase) {
        double[] covErr = new double[RUNS];
        double[] c200 = new double[RUNS];
        double[] c400 = new double[RUNS];
        int saturatedRuns = 0, falseSat = 0, minorityViolations = 0, minoritySat = 0, guestRuns = 0, guestFalse = 0;
        List<Double> satAt = new ArrayList<>();
        List<Double> guestAt = new ArrayList<>();
        List<Double> guestCov = new ArrayList<>();
        int trueTotal = n.allThemes.size();
        for (int run = 0; run < RUNS; run++) {
            Random r = new Random(seedBase + run);
            List<CodedAnswer> answers = n.answers(RESPONDENTS, r, T0);
            SaturationState state = new SaturationState(List.of("group"), th, Expectations.NONE, T0);
            Set<String> heard = new HashSet<>();
            Set<String> heardMinority = new HashSet<>();
            // themes truly voiced (not coding errors cannot be told apart by the estimator; truth uses all heard)
            String previous = null;
            int respondents = 0;
            boolean overallChecked = false;
            boolean minorityChecked = false;
            boolean guestChecked = false;
            for (int i = 0; i <= answers.size(); i++) {
                CodedAnswer a = i < answers.size() ? answers.get(i) : null;
                if (a == null || !a.respondent().equals(previous)) {
                    // respondent `respondents` is complete
                    if (respondents == 100) {
                        covErr[run] = state.overall().coverage() - n.trueCoverage(heard, n.pi);
                    } else if (respondents == 200) {
                        c200[run] = state.overall().chao2() / trueTotal - 1;
                    } else if (respondents == 400) {
                        c400[run] = state.overall().chao2() / trueTotal - 1;
                    }
                    if (!guestChecked && respondents > 0) {
                        Measures m = state.overall();
                        if (m.guestSaturatedAt() != null) {
                            guestChecked = true;
                            guestRuns++;
                            double tc = n.trueCoverage(heard, n.pi);
                            guestAt.add((double) m.guestSaturatedAt());
                            guestCov.add(tc);
                            if (tc < 0.90) {
                                guestFalse++;
                            }
                        }
                    }
                    if (a == null) {
                        break;
                    }
                    previous = a.respondent();
                    respondents++;
                }
                for (SaturationEvent e : state.add(a)) {
                    a.themes().forEach(heard::add);
                    if (e instanceof SaturationEvent.SegmentSaturated s) {
                        if (s.field().equals(SaturationEvent.OVERALL) && !overallChecked) {
                            overallChecked = true;
                            saturatedRuns++;
                            satAt.add((double) s.respondents());
                            if (n.trueCoverage(heard, n.pi) < 0.90) {
                                falseSat++;
                            }
                        }
                        if (s.value().equals("minority") && !minorityChecked) {
                            minorityChecked = true;
                            minoritySat++;
                            if ("minority".equals(a.field("group"))) {
                                a.themes().forEach(heardMinority::add);
                            }
                            for (int j = 0; j < n.ownThemes; j++) {
                                if (!heardMinority.contains("own" + j)) {
                                    minorityViolations++;
                                    break;
                                }
                            }
                        }
                    }
                }
                heard.addAll(a.themes());
                if ("minority".equals(a.field("group"))) {
                    heardMinority.addAll(a.themes());
                }
            }
        }
        return new Outcome(covErr, c200, c400, saturatedRuns, falseSat, minorityViolations, minoritySat,
                satAt.stream().mapToDouble(Double::doubleValue).toArray(), guestRuns, guestFalse,
                guestAt.stream().mapToDouble(Double::doubleValue).toArray(),
                guestCov.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double quantile(double[] x, double q) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    static double[] abs(double[] x) {
        return Arrays.stream(x).map(Math::abs).toArray();
    }

    static double within(double[] x, double tol) {
        return Arrays.stream(x).filter(v -> Math.abs(v) <= tol).count() / (double) x.length;
    }

    static String describe(String name, Outcome o) {
        return String.format(Locale.ROOT,
                "%-16s coverage@100 median bias %+.4f, P90 |err| %.4f | Chao2 within ±15%%: %.0f%% @200, %.0f%% @400"
                        + " (median rel. err %+.3f @400) | saturated in %d/%d runs, median at %.0f respondents,"
                        + " while true coverage < 0.90: %d (%.1f%%) | minority saturated in %d runs, with an own"
                        + " theme unheard: %d | Guest 4/2/5%%: declared in %d runs, median at %.0f, true coverage"
                        + " median %.3f, < 0.90 in %.0f%%",
                name, quantile(o.coverageError(), 0.5), quantile(abs(o.coverageError()), 0.9),
                100 * within(o.chao2RelErr200(), 0.15), 100 * within(o.chao2RelErr400(), 0.15),
                quantile(o.chao2RelErr400(), 0.5), o.saturatedRuns(), RUNS, quantile(o.saturatedAt(), 0.5),
                o.falseSaturated(), 100.0 * o.falseSaturated() / RUNS, o.minoritySaturatedRuns(),
                o.minorityViolations(), o.guestRuns(), quantile(o.guestAt(), 0.5),
                quantile(o.trueCoverageAtGuest(), 0.5), 100.0 * o.guestEarlyFalse() / Math.max(1, o.guestRuns()));
    }

    private static final java.util.Map<String, Outcome> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Outcome outcome(String scenario, double errors) {
        return CACHE.computeIfAbsent(scenario + "/" + errors, k -> {
            Outcome o = simulate(scenario(scenario, errors), SaturationThresholds.DEFAULTS, 1000);
            System.out.println(describe(scenario + (errors > 0 ? "+errors" : ""), o));
            return o;
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"light,0", "moderate,0", "heavy,0", "minority,0",
            "light,0.05", "moderate,0.05", "heavy,0.05", "minority,0.05"})
    void coverageIsNearlyUnbiasedAtHundredRespondents(String scenario, double errors) {
        Outcome o = outcome(scenario, errors);
        double bias = quantile(o.coverageError(), 0.5);
        double p90 = quantile(abs(o.coverageError()), 0.9);
        // target ±0.02 without coding errors; random coding errors add false singletons (documented)
        double allowed = errors > 0 ? 0.03 : 0.02;
        assertTrue(Math.abs(bias) <= allowed, scenario + " median bias " + bias);
        assertTrue(p90 <= 0.10, scenario + " P90 " + p90);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"light,0", "moderate,0", "heavy,0", "minority,0",
            "light,0.05", "moderate,0.05", "heavy,0.05", "minority,0.05"})
    void saturationIsRarelyDeclaredBelowNinetyPercentTrueCoverage(String scenario, double errors) {
        Outcome o = outcome(scenario, errors);
        double share = o.falseSaturated() / (double) RUNS;
        assertTrue(share <= (errors > 0 ? 0.10 : 0.05), scenario + " false saturation " + share);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"light,0", "moderate,0", "light,0.05", "moderate,0.05"})
    void chao2IsWithinFifteenPercentForModerateTails(String scenario, double errors) {
        Outcome o = outcome(scenario, errors);
        assertTrue(within(o.chao2RelErr200(), 0.15) >= 0.90, scenario + " @200 " + within(o.chao2RelErr200(), 0.15));
        assertTrue(within(o.chao2RelErr400(), 0.15) >= 0.90, scenario + " @400 " + within(o.chao2RelErr400(), 0.15));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"light,0", "moderate,0", "heavy,0"})
    void minorityIsNeverSaturatedWhileOneOfItsOwnThemesIsUnheard(String scenario, double errors) {
        Outcome o = outcome(scenario, errors);
        assertTrue(o.minorityViolations() == 0, scenario + " " + o.minorityViolations());
    }

    /**
     * Stress cases: a 30 % minority whose rarest own theme is voiced by ~8 % of its respondents, and coding errors.
     * Coverage can legitimately reach 0.95 while such a theme is still unheard; it happens in about 1 % of runs
     * (documented in saturation.md, with the "rarest theme the segment could have detected" measure).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"minority,0", "light,0.05", "moderate,0.05", "heavy,0.05",
            "minority,0.05"})
    void minorityIsAlmostNeverSaturatedTooEarlyInStressCases(String scenario, double errors) {
        Outcome o = outcome(scenario, errors);
        assertTrue(o.minorityViolations() <= Math.max(1, Math.round(0.02 * o.minoritySaturatedRuns())),
                scenario + " " + o.minorityViolations() + " of " + o.minoritySaturatedRuns());
    }

    /**
     * Guest, Namey &amp; Chen (2020) found that in-depth interviews reach ≤ 5 % new information with a base of 4 and a
     * run of 2. A chat answer carries 1–3 codes, not the dozens of an interview: with their defaults the criterion
     * fires after about a dozen respondents while most of the neighbourhood's themes are still unheard. This is why
     * it is reported but is not the default rule.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"light,0", "moderate,0", "heavy,0"})
    void guestInterviewDefaultsDeclareSaturationFarTooEarlyOnChatAnswers(String scenario, double errors) {
        Outcome o = outcome(scenario, errors);
        assertTrue(o.guestRuns() >= RUNS * 0.9, "Guest fires in nearly every run");
        assertTrue(quantile(o.guestAt(), 0.5) < 30, "median Guest stop " + quantile(o.guestAt(), 0.5));
        assertTrue(o.guestEarlyFalse() >= 0.9 * o.guestRuns(),
                "Guest stops with true coverage < 0.90 in " + o.guestEarlyFalse() + " of " + o.guestRuns());
        // while the default rule, on the same runs, almost never does
        assertTrue(o.falseSaturated() <= 0.05 * RUNS);
    }
}
