package be.buurtstem.bot.files;

import be.buurtstem.analysis.answers.Answer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CSV as RFC 4180: a header row, comma-separated fields, double quotes around fields holding commas, quotes or line
 * breaks, a quote inside such a field doubled. A record may span lines; its line number is the one it starts on.
 * In CSV, {@code themes} is a {@code ;}-separated list (an empty cell is "no theme", since the column is there) and
 * {@code scores} is {@code theme=0.91;other=0.12}. A cell of apostrophes followed by a formula character loses one
 * apostrophe: that is how {@link AnswerWriter} keeps spreadsheets from running answers ({@link FormulaCells}).
 * TSV is the same with a tab between fields. Header names can be mapped to the standard fields (SIB-200's
 * {@code index_id} and {@code category} read as {@code id} and {@code themes}).
 */
final class CsvAnswerReader extends AnswerReader {
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> extra = new ArrayList<>();
    private final char separator;

    /** {@code columns}: standard field → the file's column that holds it (empty: the header uses the standard names). */
    CsvAnswerReader(Path file, InputStream in, Consumer<MalformedRecord> onSkipped, char separator, Map<String, String> columns) throws IOException {
        super(file, in, onSkipped);
        this.separator = separator;
        Map<String, String> fieldOf = new HashMap<>();
        columns.forEach((field, column) -> fieldOf.put(column, field));
        String first;
        do {
            first = lines.next();
        } while (first != null && first.isBlank());
        if (first == null) {
            throw new MalformedRecordException(new MalformedRecord(file, 1, "empty file: a CSV answer file needs a header row with id and text"));
        }
        long headerLine = lines.lineNumber();
        if (first == LineSource.INVALID_UTF8) {
            throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header is not valid UTF-8"));
        }
        if (first == LineSource.TOO_LONG) {
            throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header: " + LineSource.TOO_LONG_MESSAGE));
        }
        List<String> names;
        try {
            names = parse(first);
        } catch (Fields.BadValue e) {
            throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header: " + e.getMessage()));
        }
        header = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (fieldOf.containsKey(name)) {
                name = fieldOf.get(name);
            } else if (columns.containsKey(name)) {
                throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header: column \"" + name
                        + "\" is there while " + name + " is to be read from column \"" + columns.get(name) + "\""));
            }
            if (name.isEmpty()) {
                throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header: column " + (i + 1) + " has no name"));
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header: column \"" + name + "\" appears twice"));
            }
            header.add(name);
            if (!Fields.STANDARD.contains(name)) {
                extra.add(name);
            }
        }
        for (String required : List.of(Fields.ID, Fields.TEXT)) {
            if (!index.containsKey(required)) {
                if (columns.containsKey(required)) {
                    throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header has no \"" + columns.get(required)
                            + "\" column for " + required + " (found: " + String.join(",", names) + ")"));
                }
                throw new MalformedRecordException(new MalformedRecord(file, headerLine, "header has no \"" + required + "\" column (found: " + String.join(",", header) + ")"));
            }
        }
    }

    @Override
    public List<String> extraColumns() {
        return List.copyOf(extra);
    }

    @Override
    protected Answer readRecord() throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            long n = lines.lineNumber();
            if (line.isEmpty()) {
                continue;
            }
            startRecord(n);
            if (line == LineSource.INVALID_UTF8) {
                malformed(n, "not valid UTF-8");
                continue;
            }
            if (line == LineSource.TOO_LONG) {
                malformed(n, LineSource.TOO_LONG_MESSAGE);
                continue;
            }
            List<String> cells;
            try {
                cells = parse(line);
            } catch (Fields.BadValue e) {
                malformed(n, e.getMessage());
                continue;
            }
            if (cells.size() != header.size()) {
                malformed(n, "expected " + header.size() + " fields as in the header, found " + cells.size());
                continue;
            }
            try {
                return toAnswer(cells);
            } catch (Fields.BadValue e) {
                malformed(n, e.getMessage());
            }
        }
        return null;
    }

    /** Splits one record, reading further lines while a quoted field is open. */
    private List<String> parse(String first) throws IOException, Fields.BadValue {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String line = first;
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (i >= line.length()) {
                if (quoted) {
                    String more = lines.next();
                    if (more == null) {
                        throw new Fields.BadValue("quoted field opened here is never closed");
                    }
                    if (more == LineSource.INVALID_UTF8) {
                        throw new Fields.BadValue("line " + lines.lineNumber() + " inside this record is not valid UTF-8");
                    }
                    if (more == LineSource.TOO_LONG || field.length() + more.length() > LineSource.MAX_LINE_BYTES) {
                        // a quoted field over many lines is bounded like one line
                        throw new Fields.BadValue("record longer than 1 MB (" + LineSource.MAX_LINE_BYTES
                                + " bytes); records are limited to 1 MB");
                    }
                    field.append('\n');
                    line = more;
                    i = 0;
                    continue;
                }
                out.add(FormulaCells.restore(field.toString()));
                return out;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        if (i < line.length() && line.charAt(i) != separator) {
                            throw new Fields.BadValue("field " + (out.size() + 1) + ": text after a closing quote (a quote inside a quoted field must be doubled)");
                        }
                    }
                } else {
                    field.append(c);
                }
            } else if (c == separator) {
                out.add(FormulaCells.restore(field.toString()));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                if (!field.isEmpty() || wasQuoted) {
                    throw new Fields.BadValue("field " + (out.size() + 1) + ": a quote inside an unquoted field (quote the whole field and double the quote)");
                }
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
    }

    private String cell(List<String> cells, String name) {
        Integer i = index.get(name);
        return i == null ? null : cells.get(i);
    }

    private Answer toAnswer(List<String> cells) throws Fields.BadValue {
        String id = cell(cells, Fields.ID);
        if (id.isBlank()) {
            throw new Fields.BadValue("missing id");
        }
        String text = cell(cells, Fields.TEXT);
        String themesCell = cell(cells, Fields.THEMES);
        List<String> themes = null;
        if (themesCell != null) {
            themes = new ArrayList<>();
            for (String part : themesCell.split(";")) {
                if (!part.isBlank()) {
                    String t = Fields.theme(part);
                    if (!themes.contains(t)) {
                        themes.add(t);
                    }
                }
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        String scoresCell = cell(cells, Fields.SCORES);
        if (scoresCell != null && !scoresCell.isBlank()) {
            for (String part : scoresCell.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.lastIndexOf('=');
                if (eq <= 0) {
                    throw new Fields.BadValue("scores: \"" + part.strip() + "\" is not theme=number");
                }
                String theme = part.substring(0, eq).strip();
                try {
                    scores.put(theme, Fields.score(theme, Double.parseDouble(part.substring(eq + 1).strip())));
                } catch (NumberFormatException e) {
                    throw new Fields.BadValue("scores: \"" + part.strip() + "\" is not theme=number");
                }
            }
        }
        boolean synthetic = false;
        Map<String, String> segments = new LinkedHashMap<>();
        for (String name : extra) {
            String v = cell(cells, name);
            if (name.equals(Fields.SYNTHETIC)) {
                synthetic = switch (v.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no", "" -> false;
                    default -> throw new Fields.BadValue("synthetic must be true or false, not \"" + v + "\"");
                };
            } else if (!v.isEmpty()) {
                segments.put(name, v);
            }
        }
        return new Answer(id, text, emptyToNull(cell(cells, Fields.RESPONDENT)), emptyToNull(cell(cells, Fields.QUESTION)),
                Fields.language(emptyToNull(cell(cells, Fields.LANGUAGE))), themes, segments,
                Fields.receivedAt(emptyToNull(cell(cells, Fields.RECEIVED_AT))), scores, synthetic);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
