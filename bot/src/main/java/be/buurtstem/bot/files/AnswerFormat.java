package be.buurtstem.bot.files;

import java.nio.file.Path;
import java.util.Locale;

/** The two answer-file formats of DESIGN.md, chosen by file extension. */
public enum AnswerFormat {
    /** One JSON object per line: {@code .jsonl}, {@code .ndjson}. */
    JSON_LINES,
    /** RFC 4180 with a header row: {@code .csv}. */
    CSV;

    /** The format for a file name; throws {@link IllegalArgumentException} naming the accepted extensions. */
    public static AnswerFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new IllegalArgumentException(file + ": unknown answer-file type; use .jsonl (JSON Lines) or .csv");
    }
}
