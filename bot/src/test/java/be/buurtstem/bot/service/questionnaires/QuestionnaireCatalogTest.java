package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The folder watcher survives any file: a hostile one is refused and the files after it are still served. */
class QuestionnaireCatalogTest {
    static final Path BROKEN = Path.of("../survey-engine/src/test/resources/broken");
    static final Path BUURTLEVEN = Path.of("../survey-engine/src/test/resources/questionnaires/buurtleven.yaml");

    @Test
    void aRunningCatalogGivenADeepFileThenAValidOneServesTheValidOne(@TempDir Path data, @TempDir Path folder) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(data); MongoClient c = MongoClients.create(db.connectionString());
             QuestionnaireCatalog catalog = new QuestionnaireCatalog(new Store(c, "t", db), folder, Duration.ofMillis(100))) {
            Files.copy(BROKEN.resolve("deep_nesting.yaml"), folder.resolve("a_deep.yaml"));
            Files.copy(BROKEN.resolve("aliases.yaml"), folder.resolve("b_laughs.yaml"));
            Files.write(folder.resolve("c_latin1.yaml"), "id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            Files.writeString(folder.resolve("d_huge.yaml"), "# " + "x".repeat(2 * 1024 * 1024));
            waitForScans(); // the watcher has now met every hostile file
            Files.copy(BUURTLEVEN, folder.resolve("e_valid.yaml"));
            awaitServed(catalog, "buurtleven");
        }
    }

    @Test
    void aDeepFileInTheFolderDoesNotStopTheStart(@TempDir Path data, @TempDir Path folder) throws Exception {
        Files.copy(BROKEN.resolve("deep_nesting.yaml"), folder.resolve("a_deep.yaml"));
        Files.copy(BUURTLEVEN, folder.resolve("b_valid.yaml"));
        try (EmbeddedMongo db = EmbeddedMongo.open(data); MongoClient c = MongoClients.create(db.connectionString());
             QuestionnaireCatalog catalog = new QuestionnaireCatalog(new Store(c, "t", db), folder, Duration.ofMillis(100))) {
            assertTrue(catalog.current("buurtleven").isPresent(), "the valid file after the deep one is served at start");
            assertTrue(catalog.current("deep").isEmpty());
        }
    }

    private static void waitForScans() throws InterruptedException {
        Thread.sleep(600);
    }

    private static void awaitServed(QuestionnaireCatalog catalog, String id) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (catalog.current(id).isPresent()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("'" + id + "' was never served: the folder watcher stopped");
    }
}
