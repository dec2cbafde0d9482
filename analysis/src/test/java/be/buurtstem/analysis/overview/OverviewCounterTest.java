package be.buurtstem.analysis.overview;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverviewCounterTest {
    static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
    static final List<Question> ORDER = List.of(
            new Question("consent", Question.Type.STEP, List.of()),
            new Question("age", Question.Type.SINGLE_CHOICE, List.of("young", "old")),
            new Question("safe", Question.Type.SCALE, List.of("1", "2", "3", "4", "5")),
            new Question("why", Question.Type.OPEN, List.of()),
            new Question("kids", Question.Type.NUMBER, List.of()));
    final Map<String, Map<String, List<String>>> segments = new HashMap<>();

    OverviewCounter counter(Filter filter) {
        return new OverviewCounter(ORDER, filter, segments::get, List.of("area"), Set.of("area"), NOW,
                Duration.ofHours(24), ZoneOffset.UTC);
    }

    static SessionFact open(String r, String node, boolean paused, Instant updated) {
        return new SessionFact(r, 1, "nl", "telegram", SessionFact.Status.OPEN, node, paused, updated, updated);
    }

    static SessionFact done(String r, String lang) {
        return new SessionFact(r, 1, lang, "web", SessionFact.Status.COMPLETED, null, false, NOW, NOW);
    }

    static AnswerFact answer(String r, String q, Instant at, String... values) {
        return new AnswerFact(r, 1, q, List.of(values), at);
    }

    @Test
    void residentsByWhereTheyAreAndTheFunnelAlongTheQuestionnaire() {
        OverviewCounter c = counter(Filter.ALL);
        c.add(done("a", "nl"));
        c.add(done("b", "fr"));
        c.add(open("c", "safe", true, NOW.minusSeconds(60)));           // typed stop at "safe"
        c.add(open("d", "safe", false, NOW.minus(Duration.ofDays(3)))); // silent for 3 days at "safe"
        c.add(open("e", "why", false, NOW.minusSeconds(30)));           // answering now
        c.add(new SessionFact("f", 1, "nl", "telegram", SessionFact.Status.REFUSED, null, false, NOW, NOW));
        Overview o = c.result();
        assertEquals(new Overview.Totals(6, 1, 2, 2, 1), o.totals());
        assertEquals(List.of(
                new Overview.FunnelStep("consent", 5, 0, 0),
                new Overview.FunnelStep("age", 5, 0, 0),
                new Overview.FunnelStep("safe", 5, 0, 2),
                new Overview.FunnelStep("why", 3, 1, 0),
                new Overview.FunnelStep("kids", 2, 0, 0)), o.funnel());
        assertEquals(5, o.languages().get("nl"));
        assertEquals(List.of("nl", "fr"), List.copyOf(o.languages().keySet()), "most first");
        assertEquals(List.of("telegram", "web"), List.copyOf(o.channels().keySet()));
    }

    @Test
    void closedAnswersInTheQuestionsOrderAndOpenOnesOnlyCounted() {
        OverviewCounter c = counter(Filter.ALL);
        c.add(done("a", "nl"));
        c.add(done("b", "nl"));
        c.add(answer("a", "age", NOW, "old"));
        c.add(answer("b", "age", NOW, "old"));
        c.add(answer("a", "safe", NOW, "2"));
        c.add(answer("a", "why", NOW));
        Overview o = c.result();
        Overview.QuestionCounts age = o.questions().getFirst();
        assertEquals("age", age.question().id());
        assertEquals(List.of(new Overview.ValueCount("young", 0), new Overview.ValueCount("old", 2)), age.counts());
        Overview.QuestionCounts safe = o.questions().get(1);
        assertEquals(5, safe.counts().size(), "every smiley, also those nobody chose");
        assertEquals(1, safe.passedWithout(), "b went on without rating");
        Overview.QuestionCounts why = o.questions().get(2);
        assertEquals(1, why.answered());
        assertTrue(why.counts().isEmpty(), "free text: no values, only how many answered");
    }

    @Test
    void answersPerDayWithTheQuietDaysBetween() {
        OverviewCounter c = counter(Filter.ALL);
        c.add(answer("a", "age", Instant.parse("2026-05-01T10:00:00Z"), "old"));
        c.add(answer("a", "safe", Instant.parse("2026-05-01T10:01:00Z"), "3"));
        c.add(answer("b", "age", Instant.parse("2026-05-03T10:00:00Z"), "old"));
        Overview o = c.result();
        assertEquals(Map.of(LocalDate.parse("2026-05-01"), 2, LocalDate.parse("2026-05-02"), 0,
                LocalDate.parse("2026-05-03"), 1), o.answersPerDay());
    }

    @Test
    void perSegmentSmallGroupsAreHiddenAndRareTypedValuesNotNamed() {
        OverviewCounter c = counter(Filter.ALL);
        for (int i = 0; i < 12; i++) {
            String r = "n" + i;
            segments.put(r, Map.of("area", List.of("noord")));
            c.add(answer(r, "age", NOW, i < 9 ? "old" : "young"));
        }
        segments.put("x", Map.of("area", List.of("mijn straat 12")));
        c.add(answer("x", "age", NOW, "young"));
        c.add(answer("nobody", "age", NOW, "young"));
        Overview.SegmentTable area = c.result().questions().getFirst().bySegment().getFirst();
        assertEquals("area", area.field());
        assertEquals(List.of("noord", Overview.NONE, Overview.OTHER), area.rows().stream()
                .map(Overview.SegmentRow::value).toList(), "a value one resident typed is not named");
        Overview.SegmentRow noord = area.rows().getFirst();
        assertEquals(new Overview.Count(12, false), noord.answered());
        assertEquals(List.of(new Overview.Count(3, true), new Overview.Count(9, true)), noord.cells(),
                "3 is fewer than 5; 9 is hidden too, or 12 - 9 would give it away");
        assertTrue(area.rows().get(1).answered().hidden());
        assertTrue(area.rows().get(1).cells().stream().allMatch(Overview.Count::hidden),
                "in a group of fewer than 5 even the zeros are hidden: they would tell what all of them chose");
        assertFalse(area.rows().toString().contains("mijn straat"));
    }

    @Test
    void aSegmentFilterCountsOnlyThatGroupAndAVersionFilterOnlyThatVersion() {
        segments.put("a", Map.of("area", List.of("noord")));
        segments.put("b", Map.of("area", List.of("zuid")));
        OverviewCounter c = counter(new Filter(null, "area", "noord"));
        c.add(done("a", "nl"));
        c.add(done("b", "nl"));
        c.add(answer("a", "age", NOW, "old"));
        c.add(answer("b", "age", NOW, "young"));
        Overview o = c.result();
        assertEquals(1, o.totals().started());
        assertEquals(List.of(new Overview.ValueCount("young", 0), new Overview.ValueCount("old", 1)),
                o.questions().getFirst().counts());

        OverviewCounter v2 = counter(new Filter(2, null, null));
        v2.add(done("a", "nl"));
        v2.add(new SessionFact("b", 2, "nl", "web", SessionFact.Status.COMPLETED, null, false, NOW, NOW));
        assertEquals(1, v2.result().totals().started());
    }

    @Test
    void numbersInRangesWhenTheyAreMany() {
        OverviewCounter c = counter(Filter.ALL);
        for (int age = 18; age <= 93; age++) {
            c.add(answer("r" + age, "kids", NOW, Integer.toString(age)));
        }
        Overview.QuestionCounts kids = c.result().questions().getLast();
        assertEquals(8, kids.counts().size());
        assertEquals("18–27", kids.counts().getFirst().value());
        assertEquals(76, kids.counts().stream().mapToInt(Overview.ValueCount::count).sum());
    }
}
