package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.BuurtstemSettings;
import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.export.qdpx.QdpxFormat;
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
        return new Exporter(store, AnswerRefs.from(ids), coders::codebook, ExportFormats.standard()
                .with(new QdpxFormat(store.answerRepository(), store.decisions()::byAnswerOf)));
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
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the export folder " + dir, e);
        }
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
    }
}
