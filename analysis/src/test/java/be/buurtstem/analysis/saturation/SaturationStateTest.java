package be.buurtstem.analysis.saturation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaturationStateTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    /** Random answers: interleaved respondents, repeated themes, missing respondents and segment values. */
    private static List<CodedAnswer> randomAnswers(long seed, int count) {
        Random r = new Random(seed);
        List<CodedAnswer> out = new ArrayList<>();
        String[] ages = {"18-30", "31-50", "51-70", "70+"};
        for (int i = 0; i < count; i++) {
            String respondent = r.nextInt(10) == 0 ? null : "p" + r.nextInt(Math.max(1, count / 3));
            int k = r.nextInt(4);
            List<String> themes = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                themes.add("t" + (int) Math.floor(Math.pow(r.nextDouble(), 3) * 60));
            }
            Map<String, String> fields = new java.util.HashMap<>();
            if (r.nextInt(8) != 0) {
                fields.put("age_band", ages[r.nextInt(ages.length)]);
            }
            fields.put("language", r.nextBoolean() ? "nl" : "fr");
            out.add(new CodedAnswer("a" + i, respondent, "s", "q" + r.nextInt(3), null, fields, themes,
                    null, r.nextBoolean()));
        }
        return out;
    }

    @Test
    void incrementalEqualsBatchOnRandomData() {
        List<String> by = List.of("age_band", "language");
        SaturationThresholds easy = new SaturationThresholds(5, 5, 0.80, 3, 0.2, 0.30, 10, 4, 2, 0.05, 0.5);
        for (long seed = 1; seed <= 30; seed++) {
            List<CodedAnswer> answers = randomAnswers(seed, 50 + (int) seed * 37);
            for (SaturationThresholds th : List.of(SaturationThresholds.DEFAULTS, easy)) {
                SaturationState state = new SaturationState(by, th, Expectations.NONE, null);
                for (CodedAnswer a : answers) {
                    state.add(a);
                }
                SaturationReport batch = Saturation.referenceReport(answers, by, th, Expectations.NONE);
                SaturationReport incremental = state.report();
                assertEquals(batch, incremental, "seed " + seed);
                assertEquals(batch.overall(), state.overall());
                assertEquals(batch, Saturation.report(answers, by, th, Expectations.NONE));
            }
        }
    }

    @Test
    void incrementalEqualsBatchOnASimulatedNeighbourhoodThatSaturates() {
        Neighbourhood n = new Neighbourhood("moderate", 25, 1.0, 4, 0.15, 0.4, 0.0);
        List<CodedAnswer> answers = n.answers(400, new Random(7), T0);
        List<String> by = List.of("group", "area");
        SaturationState state = new SaturationState(by, SaturationThresholds.DEFAULTS, Expectations.NONE, T0);
        answers.forEach(state::add);
        SaturationReport batch = Saturation.referenceReport(answers, by, SaturationThresholds.DEFAULTS,
                Expectations.NONE);
        assertEquals(batch, state.report());
        assertEquals(Status.SATURATED, batch.overall().status(), batch.overall().toString());
        // received_at order is used: shuffling the input does not change the report
        List<CodedAnswer> shuffled = new ArrayList<>(answers);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(batch, Saturation.report(shuffled, by));
    }

    @Test
    void eventsAreProducedOnceEach() {
        Neighbourhood n = new Neighbourhood("moderate", 25, 1.0, 4, 0.15, 0.4, 0.0);
        List<CodedAnswer> answers = new ArrayList<>(n.answers(400, new Random(11), T0));
        // after saturation, a theme never heard before arrives, twice
        Instant late = T0.plus(Duration.ofDays(1));
        answers.add(new CodedAnswer("x1", "newcomer", "s", "q1", null, Map.of("group", "majority"),
                List.of("speeltuin-kapot"), late, false));
        answers.add(new CodedAnswer("x2", "newcomer2", "s", "q1", null, Map.of("group", "majority"),
                List.of("speeltuin-kapot"), late.plusSeconds(60), false));
        SaturationState state = new SaturationState(List.of("group"), SaturationThresholds.DEFAULTS,
                new Expectations(Map.of("group", Map.of("majority", 0.7, "minority", 0.2, "ouderen", 0.1)),
                        Duration.ofDays(3)), T0);
        List<SaturationEvent> events = new ArrayList<>();
        for (CodedAnswer a : answers) {
            events.addAll(state.add(a));
        }
        long saturatedOverall = events.stream().filter(e -> e instanceof SaturationEvent.SegmentSaturated
                && e.field().equals(SaturationEvent.OVERALL)).count();
        assertEquals(1, saturatedOverall, events.toString());
        List<SaturationEvent> newTheme = events.stream()
                .filter(e -> e instanceof SaturationEvent.NewThemeAfterSaturation nt
                        && nt.theme().equals("speeltuin-kapot")).toList();
        assertEquals(2, newTheme.size(), "overall and the majority segment, once each: " + newTheme);
        assertEquals(Set.of("*", "group"), new HashSet<>(newTheme.stream().map(SaturationEvent::field).toList()));
        // silence: "ouderen" never heard; alerted once after 3 days, not again
        assertTrue(state.tick(T0.plus(Duration.ofDays(2))).isEmpty());
        List<SaturationEvent> silent = state.tick(T0.plus(Duration.ofDays(3)));
        assertEquals(1, silent.size(), silent.toString());
        SaturationEvent.SegmentSilent s = (SaturationEvent.SegmentSilent) silent.get(0);
        assertEquals("ouderen", s.value());
        assertEquals(null, s.lastHeard());
        assertTrue(state.tick(T0.plus(Duration.ofHours(84))).stream().noneMatch(e -> e.value().equals("ouderen")));
        // majority was heard on day 1: silent from day 4, once; heard again → may be alerted again later
        List<SaturationEvent> later = state.tick(late.plus(Duration.ofDays(4)));
        assertTrue(later.stream().anyMatch(e -> e.value().equals("majority")), later.toString());
        assertTrue(state.tick(late.plus(Duration.ofDays(5))).isEmpty());
        state.add(new CodedAnswer("x3", "p1", "s", "q1", null, Map.of("group", "majority"), List.of("t0"),
                late.plus(Duration.ofDays(6)), true));
        assertEquals(1, state.tick(late.plus(Duration.ofDays(10))).stream()
                .filter(e -> e.value().equals("majority")).count());
    }

    @Test
    void reportNamesSilentUnderRepresentedAndThinSegmentsAndThemesHeardOnlyInOneSegment() {
        Neighbourhood n = new Neighbourhood("moderate", 25, 1.0, 4, 0.05, 0.6, 0.0);
        List<CodedAnswer> answers = n.answers(300, new Random(5), T0);
        Expectations exp = new Expectations(Map.of("group", Map.of("majority", 0.6, "minority", 0.3,
                "jongeren", 0.1)), null);
        SaturationReport report = Saturation.report(answers, List.of("group"), SaturationThresholds.DEFAULTS, exp);
        assertTrue(report.silent().contains("group=jongeren"), report.silent().toString());
        assertTrue(report.underRepresented().contains("group=minority"), report.underRepresented().toString());
        assertTrue(report.thin().contains("group=minority"), report.thin().toString());
        SegmentReport minority = report.segments().get("group").get("minority");
        assertFalse(minority.onlyHere().isEmpty());
        assertTrue(minority.onlyHere().stream().allMatch(t -> t.startsWith("own")), minority.onlyHere().toString());
        assertNotNull(minority.expectedShare());
        assertTrue(minority.measures().detectableShare() > 0.1);
        // the unconfirmed machine codes are counted
        Measures all = report.overall();
        assertTrue(all.unconfirmedMentions() > 0 && all.unconfirmedShare() < 1);
        Map<String, Object> json = SaturationJson.toMap(report);
        for (String key : List.of("answers", "respondents", "themes_seen", "singletons", "doubletons", "chao1",
                "chao2", "coverage", "new_share_last_run", "status", "saturated", "saturated_at", "curve",
                "segments")) {
            assertTrue(json.containsKey(key), key);
        }
    }
}
