package be.buurtstem.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for words in every file under a folder: the plain bytes in UTF-8, UTF-16LE and UTF-16BE, and the same inside
 * zip entries and gzip streams (model files are zips), so that "readable" means readable with ordinary tools.
 */
final class DiskSearch {
    private static final Charset[] ENCODINGS = {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE};

    private DiskSearch() {
    }

    /** word → the files (and zip entries) that hold it; words found nowhere are absent from the map. */
    static Map<String, List<String>> find(Path root, List<String> words) throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (IOException e) {
                    continue; // removed while we looked (tmp files)
                }
                search(root.relativize(f).toString(), bytes, words, found, 0);
            }
        }
        return found;
    }

    private static void search(String name, byte[] bytes, List<String> words, Map<String, List<String>> found,
                               int depth) {
        for (String w : words) {
            for (Charset cs : ENCODINGS) {
                if (indexOf(bytes, w.getBytes(cs)) >= 0) {
                    found.computeIfAbsent(w, k -> new ArrayList<>()).add(name + (cs == StandardCharsets.UTF_8 ? ""
                            : " (" + cs.name() + ")"));
                    break;
                }
            }
        }
        if (depth > 2 || bytes.length < 4) {
            return;
        }
        if (bytes[0] == 'P' && bytes[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    search(name + "!" + e.getName(), zip.readNBytes(256 << 20), words, found, depth + 1);
                }
            } catch (IOException | RuntimeException e) {
                // not a readable zip after all
            }
        } else if ((bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                search(name + "!gunzip", gz.readNBytes(256 << 20), words, found, depth + 1);
            } catch (IOException | RuntimeException e) {
                // not gzip
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (hay[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Files under the folder that the group or others may read (the data must be the service user's only). */
    static List<String> readableByOthers(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
                    if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                        out.add(root.relativize(f) + " " + java.nio.file.attribute.PosixFilePermissions.toString(p));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // gone, or not a POSIX file system
                }
            }
        }
        return out;
    }
}
