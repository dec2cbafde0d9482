package be.buurtstem.bot.service.pages.overview;

import java.util.List;

/** What the overview's templates show, computed and worded in {@link OverviewPage}: plain values, no logic left. */
final class OverviewViews {
    private OverviewViews() {
    }

    record Option(String value, String label, boolean selected) {
    }

    record OptionGroup(String label, List<Option> options) {
    }

    /** The filters' form and the words for what is filtered. */
    record Filters(List<Option> versions, List<OptionGroup> segments, String describe, String query) {
    }

    record Tile(String label, String count, String hint) {
    }

    record Line(String label, String count) {
    }

    record FunnelLine(String label, String reached, String waiting, String stopped) {
    }

    record Head(String id, String title, String at, long millis, Filters filters, boolean bySegment) {
    }

    record Page(Head head, List<Tile> tiles, String funnelChart, List<FunnelLine> funnel, String languagesChart,
                List<Line> languages, String channelsChart, List<Line> channels, String daysChart, List<Line> days) {
    }

    record ValueLine(String label, String count, String share) {
    }

    record SegmentLine(String label, String answered, List<String> cells) {
    }

    record SegmentView(String field, List<String> columns, List<SegmentLine> rows, String chart) {
    }

    /** One question on the closed answers' page; {@code open}: only how many answered, never what. */
    record QuestionView(String id, String text, String kind, boolean open, String answered, String passedWithout,
                        String chart, List<ValueLine> values, SegmentView segment) {
    }

    record AnswersPage(Head head, List<Option> by, List<QuestionView> questions) {
    }

    record Row(String id, String title, int started, int completed, int inProgress) {
    }
}
