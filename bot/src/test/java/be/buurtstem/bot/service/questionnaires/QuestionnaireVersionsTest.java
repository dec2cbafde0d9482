package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing from the organisers' page: a changed text is never served under a version number that exists with
 * other content, the same text twice is one version, a retired version is not started, and all of it survives a
 * restart.
 */
class QuestionnaireVersionsTest {
    static final String V1 = """
            id: proef
            version: 1
            languages: [nl, en]
            title: {nl: "Proef", en: "Trial"}
            nodes:
              - id: wish
                kind: free_text
                text: {nl: "Wat wens je?", en: "What do you wish?"}
                next: bye
              - id: bye
                kind: end
                text: {nl: "Dank", en: "Thanks"}
            """;
    static final String CHANGED = V1.replace("Wat wens je?", "Wat wens je voor de buurt?");

    @Test
    void aChangedTextUnderAnExistingNumberIsPublishedAsTheNextVersion(@TempDir Path data) {
        try (EmbeddedMongo db = EmbeddedMongo.open(data); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            try (QuestionnaireCatalog catalog = new QuestionnaireCatalog(store, null, Duration.ofSeconds(1))) {
                QuestionnaireCatalog.Publication first = catalog.publish(V1, "proef.yaml", "uploaded:ann", "ann");
                assertTrue(first.served() && first.isNew());
                assertEquals(1, first.version());

                QuestionnaireCatalog.Publication changed = catalog.publish(CHANGED, "proef.yaml", "uploaded:ann", "ann");
                assertEquals(2, changed.version(), "version 1 exists with other content");
                assertEquals(1, changed.asked());
                assertEquals(2, catalog.current("proef").orElseThrow().version());
                Document stored = store.database().getCollection("questionnaires").find(eq("_id", "proef:2")).first();
                assertTrue(stored.getString("source").contains("\nversion: 2\n"), "the stored text says the version it is served as");
                assertTrue(catalog.source("proef", 1).orElseThrow().contains("Wat wens je?\""), "version 1 keeps its text");

                QuestionnaireCatalog.Publication again = catalog.publish(CHANGED, "proef.yaml", "uploaded:ann", "ann");
                assertFalse(again.isNew());
                assertEquals(2, again.version(), "the same text again is the same version");

                assertTrue(catalog.retire("proef", 2, true));
                assertEquals(1, catalog.current("proef").orElseThrow().version(), "new residents start the newest version not retired");
                assertTrue(catalog.version("proef", 2).isPresent(), "residents in version 2 can finish it");
            }
            try (QuestionnaireCatalog restarted = new QuestionnaireCatalog(store, null, Duration.ofSeconds(1))) {
                assertEquals(1, restarted.current("proef").orElseThrow().version(), "published versions and the retirement survive a restart");
                assertTrue(restarted.versions().stream().anyMatch(v -> v.survey().id().equals("proef") && v.survey().version() == 2 && v.retired()));
                restarted.retire("proef", 1, true);
                assertTrue(restarted.current("proef").isEmpty(), "every version retired: the questionnaire is no longer served");
                assertTrue(restarted.current().stream().noneMatch(s -> s.id().equals("proef")));
            }
        }
    }

    @Test
    void aChangedFolderFileIsServedAsANewVersionToo(@TempDir Path data, @TempDir Path folder) throws Exception {
        try (EmbeddedMongo db = EmbeddedMongo.open(data); MongoClient c = MongoClients.create(db.connectionString());
             QuestionnaireCatalog catalog = new QuestionnaireCatalog(new Store(c, "t", db), null, Duration.ofSeconds(1))) {
            catalog.load(V1, "proef.yaml", "folder:proef.yaml");
            catalog.load(CHANGED, "proef.yaml", "folder:proef.yaml");
            assertEquals(2, catalog.current("proef").orElseThrow().version());
            catalog.load(V1, "proef.yaml", "folder:proef.yaml");
            assertEquals(1, catalog.current("proef").orElseThrow().version(), "the folder file serves what it holds now");
        }
    }

    @Test
    void anotherInstanceOnTheSameStoreServesWhatOnePublishedAndRetired(@TempDir Path data) {
        try (EmbeddedMongo db = EmbeddedMongo.open(data); MongoClient c = MongoClients.create(db.connectionString());
             QuestionnaireCatalog a = new QuestionnaireCatalog(new Store(c, "t", db), null, Duration.ofMinutes(5));
             QuestionnaireCatalog b = new QuestionnaireCatalog(new Store(c, "t", db), null, Duration.ofMinutes(5))) {
            a.publish(V1, "proef.yaml", "uploaded:ann", "ann");
            assertTrue(b.current("proef").isEmpty());
            b.refreshFromStore();
            assertEquals(1, b.current("proef").orElseThrow().version(), "published on one instance, served by the other");
            a.retire("proef", 1, true);
            b.refreshFromStore();
            assertTrue(b.current("proef").isEmpty(), "retired on one instance, retired on the other");
            assertTrue(b.version("proef", 1).isPresent(), "residents in it still finish it there");
        }
    }
}
