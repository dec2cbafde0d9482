package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.conversation.AnswerListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Photos sent through the web chat. Telegram keeps a resident's photo itself and the answer records its file id;
 * the web chat has no such server, so the photo is kept here, in the data folder (readable only by the service's
 * user), under a random name, and the answer records {@code web:NAME} exactly where a Telegram answer records its
 * file id. A resident's photos go with "delete my answers".
 */
public class WebPhotoStore implements AnswerListener {
    public static final String PREFIX = "web:";
    private final Path root;
    private final long maxBytes;
    private final SecureRandom random = new SecureRandom();

    public WebPhotoStore(Path dataDir, long maxBytes) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("web-photos");
        this.maxBytes = maxBytes;
    }

    /** Why an upload was refused. */
    public static final class Refused extends Exception {
        public final String reason;

        Refused(String reason) {
            super(reason);
            this.reason = reason;
        }
    }

    /** Stores one upload of this respondent; returns its file reference. The type is read from the bytes. */
    public String store(String respondent, InputStream in) throws IOException, Refused {
        byte[] head = in.readNBytes(16);
        Optional<String> ext = type(head);
        if (ext.isEmpty()) {
            throw new Refused("photo_type");
        }
        Path dir = ownerOnlyDir(root.resolve(folderOf(respondent)));
        byte[] id = new byte[16];
        random.nextBytes(id);
        String name = HexFormat.of().formatHex(id) + "." + ext.get();
        Path file = dir.resolve(name);
        long total = head.length;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            setOwnerOnly(file, "rw-------");
            out.write(head);
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new Refused("photo_too_large");
                }
                out.write(buf, 0, n);
            }
        } catch (Refused | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return PREFIX + name;
    }

    /** Removes one stored photo (an upload that was not applied as an answer). */
    public void discard(String respondent, String fileRef) {
        if (fileRef != null && fileRef.startsWith(PREFIX)) {
            try {
                Files.deleteIfExists(root.resolve(folderOf(respondent)).resolve(fileRef.substring(PREFIX.length())));
            } catch (IOException e) {
                // a leftover file goes with the resident's folder on delete
            }
        }
    }

    public Path folderFor(String respondent) {
        return root.resolve(folderOf(respondent));
    }

    @Override
    public void respondentDeleted(String respondent) {
        Path dir = root.resolve(folderOf(respondent));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new IllegalStateException("could not delete a resident's web photos", e);
        }
    }

    /** The respondent id is a keyed pseudonym already; only its safe characters become a folder name. */
    private static String folderOf(String respondent) {
        String safe = respondent.replaceAll("[^A-Za-z0-9_-]", "_");
        if (safe.isEmpty() || safe.length() > 120) {
            throw new IllegalArgumentException("unexpected respondent id");
        }
        return safe;
    }

    private Path ownerOnlyDir(Path dir) throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            setOwnerOnly(root, "rwx------");
        }
        try {
            Files.createDirectory(dir);
            setOwnerOnly(dir, "rwx------");
        } catch (FileAlreadyExistsException e) {
            // another photo of the same resident
        }
        return dir;
    }

    private static void setOwnerOnly(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own access rules apply
        }
    }

    /** JPEG, PNG, WebP or HEIC/HEIF by their magic bytes (the declared content type is not trusted). */
    static Optional<String> type(byte[] h) {
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
            return Optional.of("jpg");
        }
        if (h.length >= 8 && Arrays.equals(Arrays.copyOf(h, 8),
                new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("png");
        }
        if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E'
                && h[10] == 'B' && h[11] == 'P') {
            return Optional.of("webp");
        }
        if (h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p') {
            String brand = new String(h, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (java.util.List.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1").contains(brand)) {
                return Optional.of("heic");
            }
        }
        return Optional.empty();
    }
}
