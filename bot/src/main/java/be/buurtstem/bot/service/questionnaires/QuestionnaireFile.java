package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.files.xlsform.XlsFormRead;
import be.buurtstem.bot.files.xlsform.XlsFormReader;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.load.YamlLimits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a questionnaire file for the loader, within {@link YamlLimits#MAX_FILE_SIZE}: the size is checked before a
 * byte is read, the bytes must be UTF-8 (a leading BOM is dropped). Used by the folder watcher and by
 * {@code validate}, so both say the same thing about the same file. An XLSForm ({@code .xlsx}) is converted to the
 * questionnaire YAML here, so that everything after this reads one format.
 */
public final class QuestionnaireFile {
    private QuestionnaireFile() {
    }

    /** The file's text, or the one problem that keeps it from being read as a questionnaire. */
    public sealed interface Read {
    }

    /**
     * The questionnaire YAML to load. For an XLSForm ({@code .xlsx}) it is the converted YAML, and {@code xlsform}
     * holds the conversion's own problems and tells the loader's problems at their {@code SHEET:ROW}.
     */
    public record Text(String text, XlsFormRead xlsform) implements Read {
        public Text(String text) {
            this(text, null);
        }

        /** The conversion's problems (none for YAML), to be reported with the loader's and validator's. */
        public List<Problem> conversionProblems() {
            return xlsform == null ? List.of() : xlsform.problems();
        }

        /** Problems on the YAML's lines, told at the spreadsheet row they came from for an XLSForm. */
        public List<Problem> place(List<Problem> problems) {
            return xlsform == null ? problems : xlsform.place(problems);
        }
    }

    /** An XLSForm workbook ({@code .xlsx}): read by {@link XlsFormReader} instead of as YAML text. */
    public static boolean isXlsForm(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    public record Refused(Problem problem) implements Read {
    }

    /** Reads {@code file}, naming it {@code name} in problems; an I/O failure is thrown (the caller says what to do). */
    public static Read read(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size > YamlLimits.MAX_FILE_SIZE) {
            return new Refused(Problem.error(name, 1, YamlLimits.tooLarge(size)));
        }
        return read(Files.readAllBytes(file), name);
    }

    /** The same checks on a file's bytes (an upload in the organisers' page). */
    public static Read read(byte[] bytes, String name) {
        if (bytes.length > YamlLimits.MAX_FILE_SIZE) {
            return new Refused(Problem.error(name, 1, YamlLimits.tooLarge(bytes.length), "file.tooLarge"));
        }
        if (isXlsForm(name)) {
            XlsFormRead x = XlsFormReader.read(bytes, name);
            return x.yaml() == null ? new Refused(x.problems().get(0)) : new Text(x.yaml(), x);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Refused(Problem.error(name, 1, "the file is not valid UTF-8", "file.notUtf8"));
        }
        return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
}
