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
        return format.writeCounted(new StoreExportSource(store, refs, codebook.get(), filter), out);
    }
}
