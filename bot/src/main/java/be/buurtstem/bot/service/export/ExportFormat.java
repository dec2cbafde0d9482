package be.buurtstem.bot.service.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One export format: a name (what {@code --format} and {@code ?format=} say), a file extension, a media type, and a
 * writer that streams the source's rows to a stream (never holding all answers). Register one in
 * {@link ExportFormats}; the command, the API and the page then offer it (see this package's README.md).
 */
public interface ExportFormat {
    /** The name a person types: {@code csv}, {@code jsonl}, {@code xlsx}. Lower case, no spaces. */
    String name();

    /** The file name's extension, with its dot: {@code .csv}. */
    String extension();

    /** The HTTP content type, e.g. {@code text/csv;charset=UTF-8}. */
    String mediaType();

    /**
     * Refuses, before anything is written, a filter this format cannot honour ({@link IllegalArgumentException} with
     * the reason, which the command, the API and the page show as they show a bad filter). Every filter by default.
     */
    default void check(ExportFilter filter) {
    }

    /** Writes every row of {@code source} to {@code out}; does not close {@code out}. */
    void write(ExportSource source, OutputStream out) throws IOException;

    /**
     * {@link #write} and how many answers went in: by default the rows the source handed over. A format that reads
     * the store in its own way (the REFI-QDA project, grouped by respondent) counts its own.
     */
    default long writeCounted(ExportSource source, OutputStream out) throws IOException {
        long[] rows = {0};
        write(new ExportSource() {
            @Override
            public ExportFilter filter() {
                return source.filter();
            }

            @Override
            public java.util.List<String> segmentNames() {
                return source.segmentNames();
            }

            @Override
            public void each(java.util.function.Consumer<ExportRow> row) {
                source.each(r -> {
                    rows[0]++;
                    row.accept(r);
                });
            }

            @Override
            public be.buurtstem.analysis.coding.Codebook codebook() {
                return source.codebook();
            }

            @Override
            public java.util.Optional<Stored> stored() {
                return source.stored();
            }
        }, out);
        return rows[0];
    }
}
