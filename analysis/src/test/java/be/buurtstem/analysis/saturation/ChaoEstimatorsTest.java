package be.buurtstem.analysis.saturation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimators against hand-worked examples and against published iNEXT and scikit-bio/EstimateS values. */
class ChaoEstimatorsTest {

    static List<String[]> rows(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (var in = ChaoEstimatorsTest.class.getResourceAsStream("/saturation/" + resource);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        }
        return out;
    }

    // ---- reference data ----

    @Test
    void incidenceEstimatorsEqualINextOnTheAntData() throws IOException {
        int checked = 0;
        for (String[] r : rows("inext-ant-reference.tsv")) {
            long t = Long.parseLong(r[2]), u = Long.parseLong(r[3]), s = Long.parseLong(r[4]);
            long q1 = Long.parseLong(r[5]), q2 = Long.parseLong(r[6]);
            double value = Double.parseDouble(r[7]);
            String what = r[0] + " " + r[1];
            switch (r[0]) {
                case "chao2" -> assertEquals(value, Estimators.chao2(t, s, q1, q2), 5e-7, what);
                case "coverage" -> assertEquals(value, Estimators.coverage(t, u, q1, q2), 5e-8, what);
                case "richness_at" -> {
                    long size = Long.parseLong(r[8]);
                    assertEquals(value, s + Estimators.expectedNewThemes(t, q1, q2, size - t), 5e-7, what);
                }
                case "coverage_at" -> {
                    long size = Long.parseLong(r[8]);
                    assertEquals(value, Estimators.coverageAfter(t, u, q1, q2, size - t), 5e-8, what);
                }
                case "size_for_coverage" -> {
                    double needed = Estimators.respondentsNeeded(t, u, q1, q2, 0.985);
                    assertEquals(value, t + needed, 5e-5, what);
                    // the richness there: extrapolation to a real-valued size, as estimateD does
                    double q0 = Estimators.undetected(t, q1, q2);
                    double there = s + q0 * (1 - Math.pow(1 - q1 / (t * q0 + q1), needed));
                    assertEquals(Double.parseDouble(r[8]), there, 5e-6, what);
                }
                default -> throw new AssertionError(r[0]);
            }
            checked++;
        }
        assertEquals(32, checked);
    }

    @Test
    void abundanceChao1AndCoverageEqualINextOnTheSpiderData() throws IOException {
        int[] girdled = {46, 22, 17, 15, 15, 9, 8, 6, 6, 4, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(168, Arrays.stream(girdled).sum());
        for (String[] r : rows("inext-spider.tsv")) {
            long n = Long.parseLong(r[1]), s = Long.parseLong(r[2]), f1 = Long.parseLong(r[3]), f2 = Long.parseLong(r[4]);
            assertEquals(Double.parseDouble(r[5]), Estimators.chao1(n, s, f1, f2), 5e-7, r[0]);
            // abundance coverage is the incidence formula with U = n
            assertEquals(Double.parseDouble(r[6]), Estimators.coverage(n, n, f1, f2), 5e-5, r[0]);
        }
        // and through the report, from mentions: one respondent per mention of each species
        List<CodedAnswer> answers = new ArrayList<>();
        int k = 0;
        for (int sp = 0; sp < girdled.length; sp++) {
            for (int i = 0; i < girdled[sp]; i++) {
                answers.add(CodedAnswer.of("a" + k++, null, List.of("sp" + sp), Map.of()));
            }
        }
        Measures m = Saturation.measures(answers, SaturationThresholds.DEFAULTS);
        assertEquals(43.892857, m.chao1(), 5e-7);
        assertEquals(43.892857, m.chao2(), 5e-7); // one theme per respondent: incidence = abundance
    }

    @Test
    void classicBiasCorrectedFormEqualsScikitBioAndEstimateS() throws IOException {
        for (String[] r : rows("scikit-bio-chao1.tsv")) {
            int[] counts = Arrays.stream(r[1].split(",")).mapToInt(Integer::parseInt).toArray();
            long s = Arrays.stream(counts).filter(c -> c > 0).count();
            long f1 = Arrays.stream(counts).filter(c -> c == 1).count();
            long f2 = Arrays.stream(counts).filter(c -> c == 2).count();
            long n = Arrays.stream(counts).sum();
            assertEquals(Double.parseDouble(r[2]), Estimators.chao1Classic(s, f1, f2), 1e-12, r[0]);
            // uncorrected Chao1 (f1²/2f2 when f2 > 0, scikit-bio falls back to the corrected form otherwise)
            double uncorrected = f1 > 0 && f2 > 0 ? s + f1 * f1 / (2.0 * f2) : Estimators.chao1Classic(s, f1, f2);
            assertEquals(Double.parseDouble(r[3]), uncorrected, 1e-12, r[0]);
            Estimators.Interval ci = Estimators.classicInterval(n, s, f1, f2);
            assertEquals(Double.parseDouble(r[4]), ci.lower(), 0.01 * Double.parseDouble(r[4]), r[0] + " lower");
            assertEquals(Double.parseDouble(r[5]), ci.upper(), 0.01 * Double.parseDouble(r[5]), r[0] + " upper");
            // scikit-bio compares variances to the EstimateS sd squared within 1 % (or 0.01 absolute)
            double var = Estimators.chao1ClassicVariance(n, s, f1, f2);
            double sd = Double.parseDouble(r[6]);
            assertEquals(sd * sd, var, Math.max(0.01, 0.01 * sd * sd), r[0] + " variance");
        }
    }

    // ---- hand-worked examples ----

    @Test
    void noAnswers() {
        Measures m = Saturation.measures(List.of(), SaturationThresholds.DEFAULTS);
        assertEquals(0, m.respondents());
        assertEquals(0, m.themesSeen());
        assertEquals(0, m.chao2());
        assertEquals(0, m.chao1());
        assertEquals(0, m.coverage());
        assertEquals(0, m.curve().length);
        assertEquals(Status.TOO_FEW, m.status());
        assertNull(m.saturatedAt());
        assertNull(m.newShareLastRun());
        assertTrue(Double.isInfinite(m.respondentsNeeded()));
        assertEquals(1.0, m.detectableShare());
    }

    @Test
    void oneRespondent() {
        // One respondent, two themes: T = 1, Q1 = 2, Q2 = 0. The factor (T−1)/T is 0, so nothing is estimated
        // unseen and coverage is formally 1: one voice says nothing about the rest, hence the 30-respondent floor.
        Measures m = Saturation.measures(List.of(CodedAnswer.of("1", "r1", List.of("a", "b"), Map.of())),
                SaturationThresholds.DEFAULTS);
        assertEquals(1, m.respondents());
        assertEquals(2, m.singletons());
        assertEquals(2.0, m.chao2());
        assertEquals(1.0, m.coverage());
        assertEquals(Status.TOO_FEW, m.status());
        assertEquals(0.95, m.detectableShare(), 1e-12);
        assertEquals(List.of(2), Arrays.stream(m.curve()).boxed().toList());
    }

    @Test
    void oneThemeHeardFromEveryone() {
        // Five respondents all voice "x": Q1 = Q2 = 0, Chao2 = S = 1, coverage 1, Poisson variance of iNEXT
        List<CodedAnswer> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(CodedAnswer.of("" + i, "r" + i, List.of("x"), Map.of()));
        }
        Measures m = Saturation.measures(a, SaturationThresholds.DEFAULTS);
        assertEquals(1, m.themesSeen());
        assertEquals(1.0, m.chao2());
        assertEquals(1.0, m.coverage());
        double var = Math.exp(-5) - Math.exp(-10) - 5 * Math.exp(-10);
        assertEquals(Math.sqrt(var), m.chao2Se(), 1e-12);
        assertEquals(0, m.expectedNew());
        assertEquals(0, m.respondentsNeeded());
        assertEquals(List.of(1, 1, 1, 1, 1), Arrays.stream(m.curve()).boxed().toList());
    }

    @Test
    void allThemesHeardOnce() {
        // Four respondents, four different themes: Q1 = 4, Q2 = 0 → Q2 = 0 variant:
        // Chao2 = 4 + (3/4)·4·3/2 = 8.5; A = (T−1)(Q1−1)/((T−1)(Q1−1)+2) = 9/11; coverage = 1 − (4/4)·9/11 = 2/11
        List<CodedAnswer> a = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a.add(CodedAnswer.of("" + i, "r" + i, List.of("t" + i), Map.of()));
        }
        Measures m = Saturation.measures(a, SaturationThresholds.DEFAULTS);
        assertEquals(8.5, m.chao2(), 1e-12);
        assertEquals(2.0 / 11, m.coverage(), 1e-12);
        double av = 0.75;
        double var = av * 4 * 3 / 2 + av * av * 4 * 49 / 4 - av * av * 256 / 4 / 8.5;
        assertEquals(Math.sqrt(var), m.chao2Se(), 1e-12);
        double k = Math.exp(Estimators.Z95 * Math.sqrt(Math.log(1 + var / (4.5 * 4.5))));
        assertEquals(4 + 4.5 / k, m.chao2Lower(), 1e-12);
        assertEquals(4 + 4.5 * k, m.chao2Upper(), 1e-12);
        // mentions: f1 = 4, f2 = 0, n = 4 → Chao1 = 4 + (3/4)·4·3/2 = 8.5
        assertEquals(8.5, m.chao1(), 1e-12);
        assertEquals(List.of(1, 2, 3, 4), Arrays.stream(m.curve()).boxed().toList());
    }

    @Test
    void doubletonsPresent() {
        // T = 10, S = 5, Q1 = 2, Q2 = 1: Chao2 = 5 + 0.9·4/2 = 6.8; U = 2·1 + 1·2 + 2·5 = 14;
        // A = 9·2/(9·2 + 2) = 0.9; coverage = 1 − 2/14·0.9
        assertEquals(6.8, Estimators.chao2(10, 5, 2, 1), 1e-12);
        assertEquals(1 - 2.0 / 14 * 0.9, Estimators.coverage(10, 14, 2, 1), 1e-12);
        // next ten: Q0 = 1.8; 1.8·(1 − (1 − 2/(18 + 2))^10)
        assertEquals(1.8 * (1 - Math.pow(0.9, 10)), Estimators.expectedNewThemes(10, 2, 1, 10), 1e-12);
        // respondents for 95 %: log(14/2·0.05)/log(0.9) − 1
        assertEquals(Math.log(0.35) / Math.log(0.9) - 1, Estimators.respondentsNeeded(10, 14, 2, 1, 0.95), 1e-12);
        // a theme said twice by one respondent counts once (incidence), twice as mentions
        Measures m = Saturation.measures(List.of(
                CodedAnswer.of("1", "r", List.of("a"), Map.of()),
                CodedAnswer.of("2", "r", List.of("a", "a", "b"), Map.of())), SaturationThresholds.DEFAULTS);
        assertEquals(1, m.respondents());
        assertEquals(2, m.incidences());
        assertEquals(3, m.mentions());
        assertEquals(2, m.singletons());
    }

    @Test
    void holdWindowIsMaxOfTenAndTwentyPercent() {
        SaturationThresholds th = SaturationThresholds.DEFAULTS;
        assertEquals(10, th.holdWindow(30));
        assertEquals(10, th.holdWindow(50));
        assertEquals(11, th.holdWindow(51));
        assertEquals(20, th.holdWindow(100));
        assertEquals(200000, th.holdWindow(1_000_000));
    }
}
