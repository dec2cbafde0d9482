package be.buurtstem.bot.service.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Everything under the data folder is readable only by the service's user: the folder and its sub-folders 0700,
 * files 0600 (the umask would otherwise leave the database and the model files readable by every local user).
 */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /** Creates the folder if needed and makes it 0700. */
    public static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            set(dir, "rwx------");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir, e);
        }
    }

    /** Makes an existing file 0600 (a missing file is left alone). */
    public static void file(Path file) {
        if (Files.exists(file)) {
            set(file, "rw-------");
        }
    }

    private static void set(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system (Windows): the folder's ACL applies
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + path, e);
        }
    }
}
