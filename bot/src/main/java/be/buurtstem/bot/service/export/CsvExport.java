package be.buurtstem.bot.service.export;

import be.buurtstem.bot.files.CsvRows;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * CSV: UTF-8 with a byte-order mark (without one Excel reads the file in the machine's code page and Arabic turns
 * into signs), RFC 4180, a header row, the columns of {@link ExportColumns}; lists joined by {@code ;}; a cell a
 * spreadsheet would run as a formula begins with an apostrophe ({@link be.buurtstem.bot.files.FormulaCells}), which
 * our reader takes off again.
 */
final class CsvExport implements ExportFormat {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String extension() {
        return ".csv";
    }

    @Override
    public String mediaType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        ExportColumns columns = new ExportColumns(source.segmentNames());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        CsvRows.write(w, columns.names(), ',');
        try {
            source.each(r -> {
                try {
                    CsvRows.write(w, columns.cells(r), ',');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }
}
