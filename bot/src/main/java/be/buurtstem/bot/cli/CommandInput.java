package be.buurtstem.bot.cli;

import be.buurtstem.bot.files.MalformedRecordException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * How the commands that read an answer file ({@code saturation}, {@code buurtkaart}) tell a person what is wrong
 * with it: one line on stderr they can act on (the file and line of a malformed record, a missing file by its
 * name, a bad value), never a stack trace, and exit code 1.
 */
final class CommandInput {
    private CommandInput() {
    }

    /** A reading of input files that may fail on them. */
    @FunctionalInterface
    interface Reading<T> {
        T read() throws IOException, BadInput;
    }

    /** A value in an input file that the person must correct; the message names the file (and line). */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** What {@code reading} returned, or empty once the reason is on {@code err}. */
    static <T> Optional<T> read(PrintWriter err, Reading<T> reading) {
        try {
            return Optional.of(reading.read());
        } catch (NoSuchFileException e) {
            refuse(err, e.getFile() + ": no such file", 1);
        } catch (BadInput | MalformedRecordException | IOException | UncheckedIOException
                 | IllegalArgumentException e) {
            refuse(err, e.getMessage(), 1);
        }
        return Optional.empty();
    }

    /** Says {@code reason} on {@code err} and gives back {@code exitCode}, for the command to return. */
    static int refuse(PrintWriter err, String reason, int exitCode) {
        err.println(reason);
        err.flush();
        return exitCode;
    }
}
