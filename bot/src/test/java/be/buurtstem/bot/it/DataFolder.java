package be.buurtstem.bot.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Searches the raw bytes of every file under a data folder for a word: UTF-8, UTF-16 (both byte orders), as
 * written, lower and upper case; inside zip files (model files) also in every inflated entry.
 */
public final class DataFolder {
    private DataFolder() {
    }

    /** The files (relative paths, "!entry" inside a zip) whose bytes contain the word in any of those forms. */
    public static List<String> filesContaining(Path dir, String word) {
        List<byte[]> needles = new ArrayList<>();
        for (String form : List.of(word, word.toLowerCase(Locale.ROOT), word.toUpperCase(Locale.ROOT))) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                needles.add(form.getBytes(cs));
            }
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                String name = dir.relativize(f).toString();
                if (containsAny(bytes, needles)) {
                    found.add(name);
                }
                if (name.endsWith(".zip")) {
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                            if (containsAny(zip.readAllBytes(), needles)) {
                                found.add(name + "!" + e.getName());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean containsAny(byte[] hay, List<byte[]> needles) {
        for (byte[] n : needles) {
            if (indexOf(hay, n) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
