package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.store.Store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * Exports the store's answers in a registered format: what the {@code export} command, the API and the page share.
 * No Spring here, so the command runs it on a store it opened itself while no service runs.
 */
public final class Exporter {
    private final Store store;
    private final AnswerRefs refs;
    private final Supplier<Codebook> codebook;
    private final ExportFormats formats;

    public Exporter(Store store, AnswerRefs refs, Supplier<Codebook> codebook, ExportFormats formats) {
        this.store = store;
        this.refs = refs;
        this.codebook = codebook;
        this.formats = formats;
    }

    public ExportFormats formats() {
        return formats;
    }

    /** Streams the answers {@code filter} selects to {@code out} (not closed); returns how many were written. */
    public long export(ExportFormat format, ExportFilter filter, OutputStream out) throws IOException {
        ExportSource source = new StoreExportSource(store, refs, codebook.get(), filter);
        long[] rows = {0};
        format.write(new ExportSource() {
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
            public Codebook codebook() {
                return source.codebook();
            }
        }, out);
        return rows[0];
    }
}
