package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.load.YamlLimits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a questionnaire file for the loader, within {@link YamlLimits#MAX_FILE_SIZE}: the size is checked before a
 * byte is read, the bytes must be UTF-8 (a leading BOM is dropped). Used by the folder watcher and by
 * {@code validate}, so both say the same thing about the same file.
 */
public final class QuestionnaireFile {
    private QuestionnaireFile() {
    }

    /** The file's text, or the one problem that keeps it from being read as a questionnaire. */
    public sealed interface Read {
    }

    public record Text(String text) implements Read {
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Refused(Problem.error(name, 1, "the file is not valid UTF-8", "file.notUtf8"));
        }
        return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
}
