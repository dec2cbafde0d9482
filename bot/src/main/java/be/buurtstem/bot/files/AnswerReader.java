package be.buurtstem.bot.files;

import be.buurtstem.analysis.answers.Answer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the answers of a JSON Lines, CSV or TSV answer file, one record at a time (a file of a million answers is
 * never held in memory).
 *
 * <pre>{@code
 * try (AnswerReader in = AnswerReader.open(path)) {            // strict: first bad record throws
 *     for (Answer a : in) { ... }
 * }
 * try (AnswerReader in = AnswerReader.open(path, bad -> System.err.println("skipped " + bad))) { ... }
 * }</pre>
 *
 * In strict mode a malformed record throws {@link MalformedRecordException} ({@code FILE:LINE: problem}); with a
 * skip listener each malformed record is handed to the listener and reading goes on. A problem with the file as a
 * whole (a CSV header without {@code id} or {@code text}) always throws. I/O errors are {@link UncheckedIOException}.
 * Blank lines are not records and are passed over.
 */
public abstract sealed class AnswerReader implements Iterable<Answer>, AutoCloseable
        permits JsonLinesAnswerReader, CsvAnswerReader {

    protected final Path file;
    protected final LineSource lines;
    private final Consumer<MalformedRecord> onSkipped;
    private Answer pending;
    private boolean done;
    private boolean iterated;
    private long recordLine;
    private long skipped;

    protected AnswerReader(Path file, InputStream in, Consumer<MalformedRecord> onSkipped) {
        this.file = file;
        this.lines = new LineSource(in);
        this.onSkipped = onSkipped;
    }

    /** Strict reading: the first malformed record throws {@link MalformedRecordException}. */
    public static AnswerReader open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Reads the file in the format its extension names. With a non-null {@code onSkipped}, malformed records are
     * reported to it and skipped; with null, the first one throws.
     */
    public static AnswerReader open(Path file, Consumer<MalformedRecord> onSkipped) throws IOException {
        return open(file, onSkipped, Map.of());
    }

    /**
     * As {@link #open(Path, Consumer)}, reading a CSV or TSV file whose header names standard fields differently:
     * {@code columns} maps a field to the file's column, e.g. {@code id → index_id, themes → category} for SIB-200.
     * A mapped column that the header lacks is the header's problem (a clear message, as a missing {@code id}).
     */
    public static AnswerReader open(Path file, Consumer<MalformedRecord> onSkipped, Map<String, String> columns) throws IOException {
        AnswerFormat format = AnswerFormat.of(file);
        if (!columns.isEmpty() && format == AnswerFormat.JSON_LINES) {
            throw new IllegalArgumentException(file + ": column names can be mapped for CSV and TSV files only");
        }
        for (String field : columns.keySet()) {
            if (!Fields.STANDARD.contains(field)) {
                throw new IllegalArgumentException("\"" + field + "\" is not an answer field (fields: " + String.join(", ", Fields.LEADING)
                        + ", " + String.join(", ", Fields.TRAILING) + ")");
            }
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return switch (format) {
                case JSON_LINES -> new JsonLinesAnswerReader(file, in, onSkipped);
                case CSV, TSV -> new CsvAnswerReader(file, in, onSkipped, format.separator(), columns);
            };
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads answers from a stream (a classpath resource, an upload) in the given format; {@code name} is what error
     * messages call it. The reader closes the stream.
     */
    public static AnswerReader open(InputStream stream, String name, AnswerFormat format, Consumer<MalformedRecord> onSkipped) throws IOException {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        Path file = Path.of(name);
        return switch (format) {
            case JSON_LINES -> new JsonLinesAnswerReader(file, in, onSkipped);
            case CSV, TSV -> new CsvAnswerReader(file, in, onSkipped, format.separator(), Map.of());
        };
    }

    /** The line on which the record last returned starts (1-based). */
    public long line() {
        return recordLine;
    }

    /** How many malformed records were skipped so far. */
    public long skipped() {
        return skipped;
    }

    /**
     * The columns besides the standard ones, in file order: segment fields and {@code synthetic}. Known from the
     * header for CSV; empty for JSON Lines (where each record names its own fields).
     */
    public abstract List<String> extraColumns();

    /** Reads the next record: null at the end. Sets {@link #line()}. */
    protected abstract Answer readRecord() throws IOException;

    /** Reports a malformed record: throws in strict mode, else tells the listener. */
    protected final void malformed(long line, String problem) {
        MalformedRecord bad = new MalformedRecord(file, line, problem);
        if (onSkipped == null) {
            throw new MalformedRecordException(bad);
        }
        skipped++;
        onSkipped.accept(bad);
    }

    protected final void startRecord(long line) {
        recordLine = line;
    }

    /** The next answer, or null at the end of the file. */
    public Answer next() {
        if (pending != null) {
            Answer a = pending;
            pending = null;
            return a;
        }
        if (done) {
            return null;
        }
        try {
            Answer a = readRecord();
            if (a == null) {
                done = true;
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** One pass over the remaining records. */
    @Override
    public Iterator<Answer> iterator() {
        if (iterated) {
            throw new IllegalStateException("an AnswerReader can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (pending == null) {
                    pending = AnswerReader.this.next();
                }
                return pending != null;
            }

            @Override
            public Answer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Answer a = pending;
                pending = null;
                return a;
            }
        };
    }

    /** The remaining records as a sequential stream (close the reader, not the stream). */
    public Stream<Answer> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
