package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.coding.Codebook;

import java.util.List;
import java.util.function.Consumer;

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
}
