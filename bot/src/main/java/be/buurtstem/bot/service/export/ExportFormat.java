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

    /** Writes every row of {@code source} to {@code out}; does not close {@code out}. */
    void write(ExportSource source, OutputStream out) throws IOException;
}
