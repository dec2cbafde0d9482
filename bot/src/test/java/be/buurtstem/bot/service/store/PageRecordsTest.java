package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repositories of the pages' and jobs' collections (issue 17) keep the documents exactly as the code before them
 * wrote them: a data folder written then is read, and what they write has the same fields and shapes. Each test
 * writes or reads the raw document next to the repository, through the embedded store.
 */
class PageRecordsTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

    @TempDir
    Path dir;
    private EmbeddedMongo embedded;
    private MongoClient client;
    private Store store;
    private MongoDatabase raw;

    @BeforeEach
    void open() {
        embedded = EmbeddedMongo.open(dir);
        client = MongoClients.create(embedded.connectionString());
        store = new Store(client, "t", embedded);
        store.createIndexes();
        raw = client.getDatabase("t");
    }

    @AfterEach
    void close() {
        client.close();
        embedded.close();
    }

    @Test
    void saturationSettingsKeepTheirListsAndOrderAndReadTheOldShape() {
        // as ScopeSettings wrote it before: lists, not keys (a group's name may hold a dot), numbers as doubles
        raw.getCollection("saturation_settings").insertOne(new Document("_id", "old")
                .append("make_up", List.of(new Document("field", "area").append("unit", "PEOPLE").append("values",
                        List.of(new Document("value", "zuid.west").append("amount", 300.0),
                                new Document("value", "noord").append("amount", 100))))) // an int, as a hand edit
                .append("thresholds", List.of(new Document("name", "coverage").append("value", 0.9)))
                .append("changedAt", Date.from(AT)));
        ScopeSettingsRecords records = store.scopeSettingsRecords();
        ScopeSettingsRecords.ScopeSettingsRecord old = records.of("old").orElseThrow();
        assertEquals(List.of("zuid.west", "noord"), List.copyOf(old.makeUp().get("area").values().keySet()));
        assertEquals(100.0, old.makeUp().get("area").values().get("noord"));
        assertEquals("PEOPLE", old.makeUp().get("area").unit());
        assertEquals(Map.of("coverage", 0.9), old.thresholds());
        assertEquals(AT, old.changedAt());
        assertTrue(records.of("none").isEmpty());

        Map<String, Double> values = new LinkedHashMap<>();
        values.put("fr", 35.0);
        values.put("nl", 65.0);
        records.put("q", new ScopeSettingsRecords.ScopeSettingsRecord(
                Map.of("language", new ScopeSettingsRecords.MakeUp("PERCENT", values)), Map.of("min_mentions", 12.0),
                AT), AT);
        Document written = raw.getCollection("saturation_settings").find(Filters.eq("_id", "q")).first();
        assertEquals(new Document("_id", "q")
                .append("make_up", List.of(new Document("field", "language").append("unit", "PERCENT").append("values",
                        List.of(new Document("value", "fr").append("amount", 35.0),
                                new Document("value", "nl").append("amount", 65.0)))))
                .append("thresholds", List.of(new Document("name", "min_mentions").append("value", 12.0)))
                .append("changedAt", Date.from(AT)), written);
        assertEquals(List.of("fr", "nl"), List.copyOf(records.of("q").orElseThrow().makeUp().get("language")
                .values().keySet()));
    }

    @Test
    void reminderMarksAreOncePerIdAndAddressesComeOldestFirst() {
        ReminderRecords r = store.reminderRecords();
        ReminderRecords.Mark mark = new ReminderRecords.Mark("r1:q:2", "r1", "q", 2, "sent", AT);
        assertTrue(r.putMark(mark));
        assertFalse(r.putMark(new ReminderRecords.Mark("r1:q:2", "r1", "q", 2, "declined", AT)), "a second mark");
        assertTrue(r.putMark(new ReminderRecords.Mark("r2:q:2", "r2", "q", 2, "declined", AT)));
        assertEquals(1, r.countMarks("q", "sent"));
        assertEquals(new Document("_id", "r1:q:2").append("respondent", "r1").append("questionnaire", "q")
                .append("version", 2).append("kind", "sent").append("at", Date.from(AT)),
                raw.getCollection("reminders_sent").find(Filters.eq("_id", "r1:q:2")).first());
        r.deleteMarksOf("r1");
        assertEquals(0, r.countMarks("q", "sent"));
        assertEquals(1, r.countMarks("q", "declined"));

        r.putAddress(new ReminderRecords.Address("late", "telegram", "sealed-2", "q", AT.plusSeconds(60)));
        r.putAddress(new ReminderRecords.Address("early", "telegram", "sealed-1", "q", AT));
        r.putAddress(new ReminderRecords.Address("other", "telegram", "sealed-3", "p", AT));
        assertEquals(List.of("early", "late"), r.addressedRespondents("q", 10));
        assertEquals(List.of("early"), r.addressedRespondents("q", 1));
        assertEquals("sealed-1", r.sealedChat("early", "telegram").orElseThrow());
        assertTrue(r.sealedChat("early", "whatsapp").isEmpty(), "kept for one channel only");
        assertEquals(new Document("_id", "early").append("channel", "telegram").append("chat", "sealed-1")
                        .append("questionnaire", "q").append("at", Date.from(AT)),
                raw.getCollection("reminder_addresses").find(Filters.eq("_id", "early")).first());
        assertEquals(1, r.deleteAddressesBut(List.of("q")));
        assertTrue(r.sealedChat("other", "telegram").isEmpty());

        r.putSetting(new ReminderRecords.Setting("q", true, Duration.ofHours(48)), "fatima", AT);
        assertEquals(new Document("_id", "q").append("enabled", true).append("delayMinutes", 2880L)
                        .append("updatedAt", Date.from(AT)).append("by", "fatima"),
                raw.getCollection("reminder_settings").find(Filters.eq("_id", "q")).first());
        raw.getCollection("reminder_settings").insertOne(new Document("_id", "bare").append("enabled", false));
        assertEquals(new ReminderRecords.Setting("bare", false, null), r.setting("bare").orElseThrow());
        assertEquals(List.of(new ReminderRecords.Setting("q", true, Duration.ofHours(48))), r.enabledSettings());
    }

    @Test
    void anAccountSaveKeepsItsLastSignInAndAnOldAccountWithoutFlagsIsEnabled() {
        AccountRecords accounts = store.accountRecords();
        accounts.save(new AccountRecord("fatima", "{argon2}x", List.of("analyst", "organiser"), true, true, AT));
        accounts.signedIn("fatima", AT.plusSeconds(5));
        accounts.save(new AccountRecord("fatima", "{argon2}y", List.of("analyst"), true, false, AT));
        Document d = raw.getCollection("accounts").find(Filters.eq("_id", "fatima")).first();
        assertEquals(Date.from(AT.plusSeconds(5)), d.getDate("lastSignIn"));
        assertEquals(List.of("analyst"), d.getList("roles", String.class));
        assertEquals("{argon2}y", d.getString("password"));
        assertEquals(Map.of("fatima", AT.plusSeconds(5)), accounts.lastSignIns());

        raw.getCollection("accounts").insertOne(new Document("_id", "admin").append("password", "{argon2}z")
                .append("roles", List.of("admin")).append("created", Date.from(AT)));
        assertEquals(new AccountRecord("admin", "{argon2}z", List.of("admin"), true, false, AT),
                accounts.find("admin").orElseThrow());
        assertEquals(List.of("admin", "fatima"), accounts.all().stream().map(AccountRecord::username).toList());
        assertTrue(accounts.delete("admin"));
        assertFalse(accounts.delete("admin"));
        assertEquals(1, accounts.count());
    }

    @Test
    void storedQuestionnaireVersionsKeepOriginAndRetirementAndSkipForeignIds() {
        StoredQuestionnaires q = store.storedQuestionnaires();
        q.serve(new StoredQuestionnaires.Served("proef:2", "proef", 2, "proef.yaml", "id: proef", "uploaded:fatima",
                false, "fatima", AT));
        q.retire("proef:2", true);
        StoredQuestionnaires.Served back = q.served("proef:2").orElseThrow();
        assertTrue(back.retired());
        assertEquals("uploaded:fatima", back.origin());
        assertEquals(AT, back.loadedAt());
        q.servedAgain("proef:2", "uploaded:noor");
        assertEquals("uploaded:noor", q.served("proef:2").orElseThrow().origin());
        assertFalse(q.served("proef:2").orElseThrow().retired());
        // the older readers see the same document
        assertEquals(List.of(new StoredQuestionnaires.Version("proef", 2, "proef.yaml", "id: proef", AT)), q.all());

        raw.getCollection("questionnaires").insertOne(new Document("id", "odd").append("version", 1)); // an ObjectId
        assertEquals(Map.of("proef:2", false), q.retiredFlags());
        assertEquals(2, q.served().size(), "every document, the odd one to be reported unreadable by the catalog");
    }

    @Test
    void reachAreasAreReplacedWhole() {
        ReachAreaRecords areas = store.reachAreaRecords();
        areas.put("q", new ReachAreaRecords.Areas("area", List.of("noord", "zuid")), "noor", AT);
        areas.put("q", new ReachAreaRecords.Areas("street", List.of("hoogstraat")), "noor", AT);
        assertEquals(new ReachAreaRecords.Areas("street", List.of("hoogstraat")), areas.of("q").orElseThrow());
        assertEquals(new Document("_id", "q").append("field", "street").append("values", List.of("hoogstraat"))
                .append("updatedAt", Date.from(AT)).append("by", "noor"),
                raw.getCollection("reach_areas").find(Filters.eq("_id", "q")).first());
        assertTrue(areas.of("p").isEmpty());
    }

    @Test
    void auditDetailsKeepOrderNullsAndNestedMaps() {
        store.audit("saturation_settings_changed", Audit.details("questionnaire", "q", "by", null,
                "before", Map.of("coverage", 0.9)), AT);
        Document d = raw.getCollection("audit").find().first().get("details", Document.class);
        assertEquals(List.of("questionnaire", "by", "before"), List.copyOf(d.keySet()));
        assertEquals(new Document("coverage", 0.9), d.get("before", Document.class));
        assertTrue(d.containsKey("by") && d.get("by") == null);
    }
}
