package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.BuurtstemSettings;
import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Store;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The service's exporter: the store, the answer references, the codebook in use, the registered formats. */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {
    @Bean
    Exporter exporter(Store store, RespondentIds ids, Coders coders, BuurtstemSettings settings) {
        useTempFolder(Path.of(settings.dataDir()).toAbsolutePath().normalize().resolve("tmp").resolve("xlsx"));
        return new Exporter(store, AnswerRefs.from(ids), coders::codebook, ExportFormats.offered());
    }

    /**
     * An XLSX export keeps its sheets' rows in temporary files while it is written (SXSSF), deleted when it ends; a
     * crash mid-export would leave residents' answers there, out of reach of an erasure. So they go to the data
     * folder (0700, the service's user only) and what a crash left is removed at start.
     */
    static void useTempFolder(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (var left = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) left::iterator) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            ownerOnly(dir.getParent()); // DATA_DIR/tmp
            ownerOnly(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the export folder " + dir, e);
        }
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
    }

    /** Makes {@code dir} and any missing parent (up to the data folder) as the data folder is: the owner's only. */
    private static void ownerOnly(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            ownerOnly(parent);
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(perms));
            } else {
                Files.createDirectory(dir);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(dir, perms); // also a folder an earlier version made with the umask's mode
        }
    }
}
