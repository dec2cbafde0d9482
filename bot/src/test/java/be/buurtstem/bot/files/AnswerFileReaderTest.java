package be.buurtstem.bot.files;

import be.buurtstem.analysis.answers.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class AnswerFileReaderTest {

    static Path resource(String name) {
        try {
            return Path.of(AnswerFileReaderTest.class.getResource("/be/buurtstem/bot/files/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Answer> readAll(Path p) throws IOException {
        try (AnswerReader r = AnswerReader.open(p)) {
            return r.stream().toList();
        }
    }

    @Test
    void readsJsonLinesWithAllFields() throws IOException {
        List<Answer> all = readAll(resource("answers.jsonl"));
        assertEquals(5, all.size());
        Answer a1 = all.get(0);
        assertEquals("a1", a1.id());
        assertEquals("r1", a1.respondent());
        assertEquals("q_wijk", a1.question());
        assertEquals("nl", a1.language());
        assertEquals(List.of("green_space"), a1.themes());
        assertEquals(Map.of("age_band", "25-34", "area", "Kuregem"), a1.segments());
        assertEquals(List.of("age_band", "area"), List.copyOf(a1.segments().keySet()));
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), a1.receivedAt());
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), all.get(1).receivedAt(), "offset +01:00 is converted");
        assertEquals(List.of("youth", "cleanliness"), all.get(1).themes());
        assertEquals(List.of(), all.get(2).themes(), "an empty array is labelled with no theme");
        assertTrue(all.get(3).synthetic());
        assertNull(all.get(4).themes(), "no themes field: not labelled");
        assertNull(all.get(4).respondent());
        assertEquals("a5", all.get(4).respondentOrId());
    }

    @Test
    void readsCsvWithQuotesMultilineFieldsAndBlankLines() throws IOException {
        try (AnswerReader r = AnswerReader.open(resource("answers.csv"))) {
            assertEquals(List.of("area"), r.extraColumns());
            Answer c1 = r.next();
            assertEquals(2, r.line());
            assertEquals("Te veel verkeer, en \"gevaarlijk\" kruispunt", c1.text());
            assertEquals(List.of("traffic", "safety"), c1.themes());
            assertEquals(Map.of("area", "Kuregem"), c1.segments());
            assertEquals(Instant.parse("2026-03-02T00:00:00Z"), c1.receivedAt());
            Answer c2 = r.next();
            assertEquals(3, r.line());
            assertEquals("Pas de parc\npour les enfants", c2.text());
            assertEquals(Map.of(), c2.segments(), "an empty segment cell is absent");
            Answer c3 = r.next();
            assertEquals(6, r.line(), "record line counts the line break inside c2 and the blank line");
            assertEquals("😀", c3.text());
            assertEquals(List.of(), c3.themes());
            assertNull(c3.language());
            assertNull(r.next());
        }
    }

    @Test
    void strictModeFailsWithLineNumberAndProblem() {
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> readAll(resource("bad.jsonl")));
        assertEquals(2, e.record().line());
        assertTrue(e.getMessage().contains("bad.jsonl:2: invalid JSON"), e.getMessage());
    }

    @Test
    void skipModeReportsEverySkippedLineAndKeepsTheRest() throws IOException {
        List<MalformedRecord> bad = new ArrayList<>();
        List<Answer> good;
        try (AnswerReader r = AnswerReader.open(resource("bad.jsonl"), bad::add)) {
            good = r.stream().toList();
            assertEquals(5, r.skipped());
        }
        assertEquals(List.of("b1", "b7"), good.stream().map(Answer::id).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), bad.stream().map(MalformedRecord::line).toList());
        assertEquals("missing id", bad.get(1).problem());
        assertEquals("themes must be a JSON array of strings", bad.get(2).problem());
        assertTrue(bad.get(3).problem().startsWith("received_at \"gisteren\""), bad.get(3).problem());
        assertEquals("a record must be a JSON object", bad.get(4).problem());
    }

    @Test
    void csvProblemsAreReportedPerRecord() throws IOException {
        List<MalformedRecord> bad = new ArrayList<>();
        List<Answer> good;
        try (AnswerReader r = AnswerReader.open(resource("bad.csv"), bad::add)) {
            good = r.stream().toList();
        }
        // line 3 opens a quote that swallows line 4 and 5 up to x4's quote: reported once, at line 3
        assertEquals("x1", good.get(0).id());
        assertEquals("x5", good.get(good.size() - 1).id());
        assertFalse(bad.isEmpty());
        assertEquals(3L, bad.get(0).line());
        for (MalformedRecord m : bad) {
            assertTrue(m.toString().contains("bad.csv:" + m.line() + ": "), m.toString());
        }
    }

    @Test
    void csvFieldCountAndQuoteProblems(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, "id,text\nk1,ok\nk2,te,veel\nk3,\"mid\"dle\nk4,mid\"quote\nk5,fine\n");
        List<MalformedRecord> bad = new ArrayList<>();
        try (AnswerReader r = AnswerReader.open(f, bad::add)) {
            assertEquals(List.of("k1", "k5"), r.stream().map(Answer::id).toList());
        }
        assertEquals(List.of(3L, 4L, 5L), bad.stream().map(MalformedRecord::line).toList());
        assertEquals("expected 2 fields as in the header, found 3", bad.get(0).problem());
        assertTrue(bad.get(1).problem().contains("after a closing quote"));
        assertTrue(bad.get(2).problem().contains("quote inside an unquoted field"));
    }

    @Test
    void invalidUtf8IsALineProblemNotAFileProblem() throws IOException {
        List<MalformedRecord> bad = new ArrayList<>();
        try (AnswerReader r = AnswerReader.open(resource("badutf8.jsonl"), bad::add)) {
            assertEquals(List.of("u1", "u3"), r.stream().map(Answer::id).toList());
        }
        assertEquals(1, bad.size());
        assertEquals(2, bad.get(0).line());
        assertEquals("not valid UTF-8", bad.get(0).problem());
    }

    @Test
    void headerWithoutIdFailsEvenInSkipMode() {
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
                () -> AnswerReader.open(resource("noid.csv"), bad -> { }));
        assertTrue(e.getMessage().contains("noid.csv:1: header has no \"id\" column"), e.getMessage());
    }

    @Test
    void unknownExtensionIsRefused(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("answers.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnswerReader.open(f));
        assertTrue(e.getMessage().contains(".jsonl"));
    }

    @Test
    void emptyJsonLinesFileHasNoRecords(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertEquals(List.of(), readAll(f));
    }

    @Test
    void streamsAHundredThousandRecordsAndAHundredKilobyteAnswer(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.jsonl");
        String big = "groen ".repeat(17_000);
        try (AnswerWriter w = AnswerWriter.open(f)) {
            w.write(Answer.of("big", big));
            for (int i = 0; i < 100_000; i++) {
                w.write(Answer.labelled("r" + i, "antwoord " + i, "nl", List.of("t" + (i % 7))));
            }
        }
        long n = 0;
        try (AnswerReader r = AnswerReader.open(f)) {
            Answer first = r.next();
            assertEquals(big, first.text());
            Answer a;
            while ((a = r.next()) != null) {
                n++;
            }
            assertEquals(100_001, r.line());
        }
        assertEquals(100_000, n);
    }

    @Test
    void readsTsvAsPublicDataSetsWriteItWithMappedColumns(@TempDir Path dir) throws IOException {
        // the shape of SIB-200's files: index_id, category, text; a text with quotes is quoted and its quotes doubled
        Path f = Files.writeString(dir.resolve("eng_Latn-test.tsv"), "index_id\tcategory\ttext\n"
                + "431\tgeography\tTurkey is encircled by seas, on three sides.\n"
                + "1239\tentertainment\t\"\"\"She's very cute,\"\" he said.\"\n");
        try (AnswerReader r = AnswerReader.open(f, null, Map.of("id", "index_id", "themes", "category"))) {
            assertEquals(List.of(), r.extraColumns(), "the mapped columns are the standard fields");
            List<Answer> all = r.stream().toList();
            assertEquals(List.of("431", "1239"), all.stream().map(Answer::id).toList());
            assertEquals(List.of("geography"), all.get(0).themes());
            assertEquals("Turkey is encircled by seas, on three sides.", all.get(0).text(), "a comma is text in TSV");
            assertEquals("\"She's very cute,\" he said.", all.get(1).text());
            assertEquals(List.of("entertainment"), all.get(1).themes());
        }
        // without the mapping the header has no id column, and the message says so
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> AnswerReader.open(f).close());
        assertTrue(e.getMessage().contains("header has no \"id\" column (found: index_id,category,text)"), e.getMessage());
        // a mapping to a column the file lacks names it
        e = assertThrows(MalformedRecordException.class, () -> AnswerReader.open(f, null, Map.of("id", "sentence_id")).close());
        assertTrue(e.getMessage().contains("no \"sentence_id\" column for id"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> AnswerReader.open(f, null, Map.of("label", "category")));
        assertTrue(bad.getMessage().contains("\"label\" is not an answer field"), bad.getMessage());
    }

    @Test
    void tsvWrittenAndReadBack(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.tsv");
        try (AnswerWriter w = AnswerWriter.open(f)) {
            w.write(Answer.labelled("a1", "tab\there, comma, and \"quote\"", "nl", List.of("safety", "youth")));
        }
        String raw = Files.readString(f);
        assertTrue(raw.startsWith("id\ttext\t"), raw);
        assertTrue(raw.contains("\"tab\there, comma, and \"\"quote\"\"\""), raw);
        Answer back = readAll(f).get(0);
        assertEquals("tab\there, comma, and \"quote\"", back.text());
        assertEquals(List.of("safety", "youth"), back.themes());
    }
}
