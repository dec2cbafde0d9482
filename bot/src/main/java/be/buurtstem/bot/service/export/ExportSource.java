package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.bot.service.store.Answers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a format is given to write: the selected answers as rows, streamed oldest first (never a list of them all),
 * the segment fields they use (columns, known before the first row), and the codebook. {@link StoreExportSource}
 * reads the store; a benchmark or a test may give rows of its own.
 */
public interface ExportSource {
    ExportFilter filter();

    /** Segment field names found on the selected answers, sorted. */
    List<String> segmentNames();

    /** Each selected answer, oldest first, one at a time. */
    void each(Consumer<ExportRow> row);

    Codebook codebook();

    /**
     * The store the rows come from, for a format that reads it its own way (the REFI-QDA project: one
     * questionnaire's free-text answers grouped by respondent); empty where the rows are made up (tests, benchmarks).
     */
    default Optional<Stored> stored() {
        return Optional.empty();
    }

    /** The stored answers and the analysts' decisions on one questionnaire's answers, by answer id. */
    record Stored(Answers answers, Function<String, Map<String, List<AnalystDecision>>> decisionsOf) {
    }
}
