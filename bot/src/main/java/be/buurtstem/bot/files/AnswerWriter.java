package be.buurtstem.bot.files;

import be.buurtstem.analysis.answers.Answer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes answers to a JSON Lines, CSV or TSV file (by extension), one record at a time, UTF-8.
 *
 * <pre>{@code
 * try (AnswerReader in = AnswerReader.open(input);
 *      AnswerWriter out = AnswerWriter.open(output, in.extraColumns())) {
 *     for (Answer a : in) out.write(a);
 * }
 * }</pre>
 *
 * A CSV file's header is written first, so its extra columns (segment fields, {@code synthetic}) are named when the
 * writer is opened; a record with a segment field not named there is refused with {@link IllegalArgumentException}.
 * JSON Lines writes each record's own fields. Absent values are left out (JSON) or empty (CSV); scores are rounded to
 * four decimals. A CSV cell that a spreadsheet would run as a formula is written with a leading apostrophe
 * ({@link FormulaCells}); the reader removes it again. I/O errors are {@link UncheckedIOException}.
 */
public final class AnswerWriter implements AutoCloseable {
    private final Path file;
    private final AnswerFormat format;
    private final Writer out;
    private final List<String> segmentColumns = new ArrayList<>();
    private final boolean syntheticColumn;
    private long written;

    private AnswerWriter(Path file, List<String> extraColumns) throws IOException {
        this.file = file;
        this.format = AnswerFormat.of(file);
        boolean synth = false;
        for (String c : extraColumns) {
            if (c.equals(Fields.SYNTHETIC)) {
                synth = true;
            } else if (!Fields.STANDARD.contains(c) && !segmentColumns.contains(c)) {
                segmentColumns.add(c);
            }
        }
        this.syntheticColumn = synth;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        if (format != AnswerFormat.JSON_LINES) {
            List<String> header = new ArrayList<>(Fields.LEADING);
            header.addAll(segmentColumns);
            header.addAll(Fields.TRAILING);
            if (syntheticColumn) {
                header.add(Fields.SYNTHETIC);
            }
            writeCsvRow(header);
        }
    }

    /** A writer with no extra CSV columns (JSON Lines keeps every record's fields regardless). */
    public static AnswerWriter open(Path file) throws IOException {
        return new AnswerWriter(file, List.of());
    }

    /** A writer whose CSV header also holds {@code extraColumns} (segment fields and possibly {@code synthetic}). */
    public static AnswerWriter open(Path file, List<String> extraColumns) throws IOException {
        return new AnswerWriter(file, extraColumns);
    }

    public long written() {
        return written;
    }

    public void write(Answer a) {
        try {
            if (format == AnswerFormat.JSON_LINES) {
                out.write(JsonLinesAnswerReader.MAPPER.writeValueAsString(toJson(a)));
                out.write('\n');
            } else {
                writeCsvRow(toCsv(a));
            }
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode toJson(Answer a) {
        ObjectNode o = JsonLinesAnswerReader.MAPPER.createObjectNode();
        o.put(Fields.ID, a.id());
        o.put(Fields.TEXT, a.text());
        if (a.respondent() != null) {
            o.put(Fields.RESPONDENT, a.respondent());
        }
        if (a.question() != null) {
            o.put(Fields.QUESTION, a.question());
        }
        if (a.language() != null) {
            o.put(Fields.LANGUAGE, a.language());
        }
        if (a.themes() != null) {
            ArrayNode themes = o.putArray(Fields.THEMES);
            a.themes().forEach(themes::add);
        }
        a.segments().forEach(o::put);
        if (a.receivedAt() != null) {
            o.put(Fields.RECEIVED_AT, a.receivedAt().toString());
        }
        if (!a.scores().isEmpty()) {
            ObjectNode scores = o.putObject(Fields.SCORES);
            a.scores().forEach((t, s) -> scores.put(t, round(s)));
        }
        if (a.synthetic()) {
            o.put(Fields.SYNTHETIC, true);
        }
        return o;
    }

    private List<String> toCsv(Answer a) {
        for (String k : a.segments().keySet()) {
            if (!segmentColumns.contains(k)) {
                throw new IllegalArgumentException(file + ": answer " + a.id() + " has field \"" + k
                        + "\" which is not a column of this CSV file (columns: " + segmentColumns + ")");
            }
        }
        List<String> row = new ArrayList<>(Fields.LEADING.size() + segmentColumns.size() + 3);
        row.add(a.id());
        row.add(a.text());
        row.add(nullToEmpty(a.respondent()));
        row.add(nullToEmpty(a.question()));
        row.add(nullToEmpty(a.language()));
        row.add(a.themes() == null ? "" : String.join(";", a.themes()));
        for (String k : segmentColumns) {
            row.add(a.segments().getOrDefault(k, ""));
        }
        row.add(a.receivedAt() == null ? "" : a.receivedAt().toString());
        row.add(a.scores().entrySet().stream().map(e -> e.getKey() + "=" + round(e.getValue()).toPlainString())
                .collect(Collectors.joining(";")));
        if (syntheticColumn) {
            row.add(a.synthetic() ? "true" : "false");
        }
        return row;
    }

    private void writeCsvRow(List<String> cells) throws IOException {
        CsvRows.write(out, cells, format.separator());
    }

    private static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Reads a file once to list the extra columns its records use (to write it as CSV from JSON Lines). */
    public static List<String> scanExtraColumns(Path input, java.util.function.Consumer<MalformedRecord> onSkipped) throws IOException {
        return scanExtraColumns(input, onSkipped, java.util.Map.of());
    }

    /** The same for a CSV/TSV file read with mapped column names ({@link AnswerReader#open(Path, java.util.function.Consumer, java.util.Map)}). */
    public static List<String> scanExtraColumns(Path input, java.util.function.Consumer<MalformedRecord> onSkipped,
                                                java.util.Map<String, String> columns) throws IOException {
        try (AnswerReader in = AnswerReader.open(input, onSkipped == null ? bad -> { } : onSkipped, columns)) {
            if (AnswerFormat.of(input) != AnswerFormat.JSON_LINES) {
                return in.extraColumns();
            }
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            boolean synth = false;
            for (Answer a : in) {
                names.addAll(a.segments().keySet());
                synth |= a.synthetic();
            }
            if (synth) {
                names.add(Fields.SYNTHETIC);
            }
            return List.copyOf(names);
        }
    }
}
