package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.CodebookEdit;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Codebooks;
import be.buurtstem.bot.service.store.ConcurrentUpdateException;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.StoredCoding;
import be.buurtstem.bot.service.store.ThemeRelabels;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code codebooks} repository (versioned edits under an optimistic lock, read back as written) and what a merge
 * and a split write into stored answers and decisions, on the embedded store through the real driver: relabelled
 * once, and a second run (a merge interrupted and finished again at the next start) changes nothing more.
 */
class CodebookStoreTest {
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void editsAreVersionedAndASecondEditOnTheSameVersionIsRefused(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Codebooks books = new Store(c, "t", db).codebooks();
            assertEquals(0, books.version(), "no edit: the bundled codebook");
            CodebookEdit.Add add = new CodebookEdit.Add("street_lighting", Map.of("nl", "Straatverlichting",
                    "ar", "إنارة الشوارع"), Map.of("en", "Lamps in the streets."));
            CodebookEdit.Texts texts = new CodebookEdit.Texts("noise", Map.of("fr", "Bruit"), Map.of("nl", ""));
            CodebookEdit.Merge merge = new CodebookEdit.Merge("noise", "safety");
            CodebookEdit.Split split = new CodebookEdit.Split("housing", List.of(
                    new CodebookEdit.Add("rent", Map.of("en", "Rent"), Map.of()),
                    new CodebookEdit.Add("housing_quality", Map.of("en", "Damp and repairs"), Map.of())));
            assertEquals(1, books.append(0, add, "anna", T, true));
            // a second analyst whose page showed version 0 too: refused, not stored over the first
            assertThrows(ConcurrentUpdateException.class, () -> books.append(0, texts, "bert", T, true));
            assertEquals(2, books.append(1, texts, "bert", T.plusSeconds(1), true));
            assertEquals(3, books.append(2, merge, "anna", T.plusSeconds(2), false));
            assertEquals(4, books.append(3, split, "anna", T.plusSeconds(3), false));
            books.markDone(3);

            List<Codebooks.StoredEdit> edits = books.edits();
            assertEquals(List.of(add, texts, merge, split), edits.stream().map(Codebooks.StoredEdit::edit).toList());
            assertEquals(List.of(1, 2, 3, 4), edits.stream().map(Codebooks.StoredEdit::version).toList());
            assertEquals(List.of(true, true, true, false), edits.stream().map(Codebooks.StoredEdit::done).toList());
            assertEquals("bert", edits.get(1).by());
            assertEquals(T.plusSeconds(3), edits.get(3).at());
            assertEquals(4, books.version());
        }
    }

    @Test
    void aMergeRelabelsCodesAndDecisionsOnceAndIdempotently(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            ThemeRelabels relabels = store.themeRelabels();
            // a: noise and safety both coded; b: noise only, an analyst confirmed it; c: green only;
            // d: noise coded, the analyst removed it and added safety (the merged theme is in: the removal stays)
            // e: noise coded, the analyst removed it (the answer is about neither: the removal follows)
            StoredAnswer a = answer("a"), b = answer("b"), cc = answer("c"), d = answer("d"), e = answer("e");
            store.putAnswers(List.of(a, b, cc, d, e));
            code(store, "a", code("noise", 0.8), code("safety", 0.4));
            code(store, "b", code("noise", 0.7));
            code(store, "c", code("green_space", 0.9));
            code(store, "d", code("noise", 0.5));
            code(store, "e", code("noise", 0.6));
            decide(store, b, "noise", AnalystDecision.Action.CONFIRM, 1);
            decide(store, d, "noise", AnalystDecision.Action.REMOVE, 2);
            decide(store, d, "safety", AnalystDecision.Action.ADD, 3);
            decide(store, e, "noise", AnalystDecision.Action.REMOVE, 4);
            Map<String, List<String>> before = effective(store);
            assertEquals(Set.of("a", "b", "d", "e"), relabels.answersWith("noise"));

            assertEquals(2, relabels.relabelDecisions("noise", "safety"), "b's confirm, e's removal; not d's removal");
            assertEquals(4, relabels.relabelCodes("noise", "safety"));
            AnswerRecord ra = store.answerRepository().find("a").orElseThrow();
            assertEquals(List.of("safety"), ra.machineThemes(), "one code left, not two");
            assertEquals(0.8, ra.coding().codes().getFirst().confidence(), 1e-9, "the higher confidence kept");
            assertEquals(Set.of("safety"), ra.coding().scores().keySet());
            assertEquals(List.of("green_space"), store.answerRepository().find("c").orElseThrow().machineThemes());
            Map<String, List<String>> after = effective(store);
            assertEquals(Map.of("a", List.of("safety"), "b", List.of("safety"), "c", List.of("green_space"),
                    "d", List.of("safety"), "e", List.of()), after, "before: " + before);
            assertTrue(store.decisions().forAnswer("b").stream().allMatch(x -> x.theme().equals("safety")));
            assertEquals("anna", store.decisions().forAnswer("b").getFirst().analyst(), "who decided stays");
            Document relabelled = store.database().getCollection("codings").find(new Document("answer", "b")).first();
            assertEquals("noise", relabelled.getString("merged_from"));

            // finished again after a stop in the middle: nothing more changes
            assertEquals(0, relabels.relabelDecisions("noise", "safety"));
            assertEquals(0, relabels.relabelCodes("noise", "safety"));
            assertEquals(after, effective(store));
            assertTrue(relabels.answersWith("noise").isEmpty(), "no answer names the merged theme any more");
            assertEquals(Map.of("safety", 4L, "green_space", 1L), relabels.machineCounts());
        }
    }

    @Test
    void aSplitMarksAnswersForReviewUntilAnAnalystDecides(@TempDir Path dir) {
        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            Store store = new Store(c, "t", db);
            ThemeRelabels relabels = store.themeRelabels();
            StoredAnswer a = answer("a"), b = answer("b"), cc = answer("c");
            store.putAnswers(List.of(a, b, cc));
            code(store, "a", code("housing", 0.8));
            code(store, "b", code("noise", 0.8));
            code(store, "c", code("noise", 0.3));
            decide(store, b, "housing", AnalystDecision.Action.ADD, 1);
            Set<String> ids = relabels.answersWith("housing");
            assertEquals(Set.of("a", "b"), ids, "machine-coded and analyst-added");
            assertEquals(2, relabels.markForReview(ids, "split", "housing", List.of("rent"), T));
            assertEquals(2, relabels.markForReview(ids, "split", "housing", List.of("rent"), T), "again: same marks");
            assertEquals(2, relabels.markedForReview("housing"));
            assertEquals(List.of("housing"), store.answerRepository().find("a").orElseThrow().machineThemes(),
                    "the codes stay with the old theme");
            new be.buurtstem.bot.service.coding.DecisionStore(store).record(store.answerRepository().find("a")
                    .orElseThrow(), new AnalystDecision("a", "rent", AnalystDecision.Action.ADD, "anna", T));
            assertEquals(List.of("b"), relabels.idsMarkedForReview(), "a decided on: out of the queue");
        }
    }

    static StoredAnswer answer(String id) {
        return new StoredAnswer(id, "r-" + id, "buurt", 1, "wish", 0, "free_text", "tekst " + id, "tekst " + id, "nl",
                null, "wishes", Map.of(), "web", T, T);
    }

    static StoredCoding.Code code(String theme, double confidence) {
        return new StoredCoding.Code(theme, confidence, "keywords", "1");
    }

    static void code(Store store, String id, StoredCoding.Code... codes) {
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        for (StoredCoding.Code x : codes) {
            scores.put(x.theme(), x.confidence());
        }
        assertTrue(store.answerRepository().writeCoding(id, new StoredCoding(List.of(codes), scores, "keywords", "1",
                0, T, "nl", 0.9, false), true));
    }

    static void decide(Store store, StoredAnswer a, String theme, AnalystDecision.Action action, int second) {
        store.decisions().record(a, new AnalystDecision(a.id(), theme, action, "anna", T.plusSeconds(second)));
    }

    /** Each answer's themes as analysts see them: the machine's, overruled by decisions. */
    static Map<String, List<String>> effective(Store store) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String id : List.of("a", "b", "c", "d", "e")) {
            store.answerRepository().find(id).ifPresent(r -> out.put(id, new ArrayList<>(Decisions.resolve(
                    r.machineThemes(), store.decisions().forAnswer(id)))));
        }
        return out;
    }
}
