package be.buurtstem.bot.files;

import java.nio.file.Path;

/** A record that could not be read: the file, the line it starts on (1-based) and what is wrong. */
public record MalformedRecord(Path file, long line, String problem) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + problem;
    }
}
