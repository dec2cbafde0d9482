package be.buurtstem.bot.files;

import java.nio.file.Path;
import java.util.Locale;

/** The answer-file formats of DESIGN.md, chosen by file extension. */
public enum AnswerFormat {
    /** One JSON object per line: {@code .jsonl}, {@code .ndjson}. */
    JSON_LINES,
    /** RFC 4180 with a header row: {@code .csv}. */
    CSV,
    /**
     * CSV with tabs between fields: {@code .tsv}, {@code .tab}. Quoted as CSV (a field holding a tab, a quote or a line
     * break is in double quotes, a quote inside it doubled), which is how pandas and spreadsheets write TSV, and how
     * public labelled data sets such as SIB-200 come.
     */
    TSV;

    /** The character between fields: a comma for CSV, a tab for TSV. */
    public char separator() {
        return this == TSV ? '\t' : ',';
    }

    /** The format for a file name; throws {@link IllegalArgumentException} naming the accepted extensions. */
    public static AnswerFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        throw new IllegalArgumentException(file + ": unknown answer-file type; use .jsonl (JSON Lines), .csv or .tsv");
    }
}
