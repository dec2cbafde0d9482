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
        // ASCII letters are compared case-insensitively (haystack and needle folded to lower case), so every mix of
        // cases is found; the words' other letters as written, lower and upper case
        List<byte[]> needles = new ArrayList<>();
        for (String form : List.of(word, word.toLowerCase(Locale.ROOT), word.toUpperCase(Locale.ROOT))) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                needles.add(fold(form.getBytes(cs)));
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
                found.addAll(inZip(name, bytes, needles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Inflated entries of a zip (and of zips within it, as a model file holds the categorizer's own zip). */
    private static List<String> inZip(String name, byte[] bytes, List<byte[]> needles) throws IOException {
        List<String> found = new ArrayList<>();
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            return found;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] entry = zip.readAllBytes();
                String inner = name + "!" + e.getName();
                if (containsAny(entry, needles)) {
                    found.add(inner);
                }
                found.addAll(inZip(inner, entry, needles));
            }
        }
        return found;
    }

    private static byte[] fold(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] = (byte) (out[i] + ('a' - 'A'));
            }
        }
        return out;
    }

    private static boolean containsAny(byte[] raw, List<byte[]> needles) {
        byte[] hay = fold(raw);
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
