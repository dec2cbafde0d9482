package be.buurtstem.analysis.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the organisers' overview shows for one questionnaire (and filter): how many residents started and where they
 * are, where people stop, their languages and channels, answers per day, and the counts of the closed answers per
 * question, overall and per segment with small groups protected ({@link SmallCounts}). Built by
 * {@link OverviewCounter}; only counts, never an answer's text.
 *
 * @param languages     residents per conversation language, most first
 * @param channels      residents per channel, most first
 * @param answersPerDay answers received per day (every day from the first to the last, zeros included)
 * @param funnel        the questions in the questionnaire's order with how many residents got that far
 */
public record Overview(Totals totals, Map<String, Integer> languages, Map<String, Integer> channels,
                       SortedMap<LocalDate, Integer> answersPerDay, List<FunnelStep> funnel,
                       List<QuestionCounts> questions) {
    /** The segment value of residents who have none for a field (never answered it). */
    public static final String NONE = "_none";
    /** The row of an open field's values that fewer than {@link SmallCounts#MIN} residents share. */
    public static final String OTHER = "_other";

    /**
     * @param inProgress open and active recently
     * @param stopped    typed "stop", or silent for longer than the idle time, before the end
     * @param refused    said no at the consent
     */
    public record Totals(int started, int inProgress, int stopped, int completed, int refused) {
    }

    /**
     * @param reached residents who got at least as far as this question (answered it, skipped it, or are at it)
     * @param waiting residents in progress who are at this question now
     * @param stopped residents who stopped at this question
     */
    public record FunnelStep(String question, int reached, int waiting, int stopped) {
    }

    public record ValueCount(String value, int count) {
    }

    /**
     * @param answered       answers to this question
     * @param passedWithout  residents who went further without answering it (skipped, or not asked on their path)
     * @param counts         closed questions: answers per value, in the question's order (empty for open ones)
     * @param bySegment      closed questions: the same counts per segment value, one table per segment field
     */
    public record QuestionCounts(Question question, int answered, int passedWithout, List<ValueCount> counts,
                                 List<SegmentTable> bySegment) {
    }

    /** One segment field's rows (e.g. {@code area}: noord, zuid...), the cells in the order of the question's values. */
    public record SegmentTable(String field, List<String> values, List<SegmentRow> rows) {
    }

    /** A segment value's answers to one question; {@code cells} follow {@link SegmentTable#values}. */
    public record SegmentRow(String value, Count answered, List<Count> cells) {
    }

    /** A count as it may be shown: {@code hidden} = "fewer than 5" (so that no resident can be singled out). */
    public record Count(int n, boolean hidden) {
        public static Count shown(int n) {
            return new Count(n, false);
        }
    }
}
