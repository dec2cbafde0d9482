package be.buurtstem.bot.files;

import be.buurtstem.analysis.answers.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static be.buurtstem.bot.files.AnswerFileReaderTest.readAll;
import static be.buurtstem.bot.files.AnswerFileReaderTest.resource;
import static org.junit.jupiter.api.Assertions.*;

class AnswerFileWriterTest {

    private static Answer full() {
        Map<String, String> seg = new LinkedHashMap<>();
        seg.put("area", "Kuregem, noord");
        seg.put("age_band", "25-34");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("green_space", 0.912345);
        scores.put("safety", 0.1);
        return new Answer("id,1", "Zeg \"hallo\"\nتكلم  العربية, ok", "r1", "q1", "ar-Latn",
                List.of("green_space", "safety"), seg, Instant.parse("2026-03-01T10:15:00Z"), scores, true);
    }

    @Test
    void jsonLinesRoundTrip(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.jsonl");
        try (AnswerWriter w = AnswerWriter.open(f)) {
            w.write(full());
            w.write(Answer.of("2", ""));
        }
        List<Answer> back = readAll(f);
        Answer expected = full();
        Map<String, Double> rounded = new LinkedHashMap<>(expected.scores());
        rounded.put("green_space", 0.9123);
        assertEquals(expected.withCoding(expected.themes(), rounded), back.get(0));
        assertEquals(Answer.of("2", ""), back.get(1));
        assertEquals(2, Files.readAllLines(f, StandardCharsets.UTF_8).size(), "one line per record, newlines escaped");
    }

    @Test
    void csvRoundTripQuotesWhatNeedsQuoting(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        try (AnswerWriter w = AnswerWriter.open(f, List.of("area", "age_band", "synthetic"))) {
            w.write(full());
        }
        String content = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(content.startsWith("id,text,respondent,question,language,themes,area,age_band,received_at,scores,synthetic\r\n"), content);
        assertTrue(content.contains("\"id,1\",\"Zeg \"\"hallo\"\"\n"), content);
        assertTrue(content.contains("green_space=0.9123;safety=0.1"), content);
        Answer back = readAll(f).get(0);
        assertEquals(full().text(), back.text());
        assertEquals(full().segments(), back.segments());
        assertEquals(full().themes(), back.themes());
        assertEquals(0.9123, back.scores().get("green_space"), 1e-9);
        assertTrue(back.synthetic());
    }

    @Test
    void csvRefusesAFieldItHasNoColumnFor(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        try (AnswerWriter w = AnswerWriter.open(f)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(full()));
            assertTrue(e.getMessage().contains("\"area\""), e.getMessage());
        }
    }

    @Test
    void jsonLinesToCsvAndBackKeepsTheRecords(@TempDir Path dir) throws IOException {
        Path in = resource("answers.jsonl");
        Path csv = dir.resolve("answers.csv");
        List<String> cols = AnswerWriter.scanExtraColumns(in, null);
        assertEquals(List.of("age_band", "area", "synthetic"), cols);
        try (AnswerReader r = AnswerReader.open(in); AnswerWriter w = AnswerWriter.open(csv, cols)) {
            r.forEach(w::write);
        }
        List<Answer> original = readAll(in);
        List<Answer> back = readAll(csv);
        assertEquals(original.size(), back.size());
        for (int i = 0; i < original.size(); i++) {
            Answer o = original.get(i);
            Answer b = back.get(i);
            assertEquals(o.text(), b.text());
            assertEquals(o.segments(), b.segments());
            assertEquals(o.synthetic(), b.synthetic());
            // CSV cannot tell "not labelled" from "no theme": an absent themes reads back as an empty list
            assertEquals(o.themes() == null ? List.of() : o.themes(), b.themes());
        }
    }

    @Test
    void csvCellsThatSpreadsheetsWouldRunGetAnApostropheAndComeBackUnchanged(@TempDir Path dir) throws IOException {
        List<String> texts = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3+cmd|' /C calc'!A0",
                "@SUM(A1)", "\t=1+1", "\r=1+1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "'=already escaped?",
                "''+two apostrophes", "'just an apostrophe", "-3", "+4.5", "-1e3", "- a list item", "gewoon tekst");
        Path f = dir.resolve("out.csv");
        try (AnswerWriter w = AnswerWriter.open(f, List.of("age"))) {
            for (int i = 0; i < texts.size(); i++) {
                w.write(new Answer(String.valueOf(i), texts.get(i), null, null, null, List.of("=theme"),
                        Map.of("age", i == 0 ? "-3" : "=1"), null, Map.of(), false));
            }
        }
        List<String> cells = new ArrayList<>();
        for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\r\n")) {
            // a cell starts after a comma (or the line start), past an opening quote
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
                cells.add(cell.startsWith("\"") ? cell.substring(1) : cell);
            }
        }
        for (String c : cells) {
            boolean number = c.matches("[-+]?\\d+(\\.\\d+)?(e\\d+)?");
            assertFalse(!number && !c.isEmpty() && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(c.charAt(0)) >= 0,
                    "a cell a spreadsheet would run: " + c);
        }
        String content = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(content.contains("0,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,,\"'=theme\",-3,"), content);
        assertTrue(content.contains("\r\n13,-3,"), content);
        List<Answer> back = readAll(f);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), back.get(i).text(), "record " + i);
            assertEquals(List.of("=theme"), back.get(i).themes());
        }
        assertEquals("-3", back.get(0).segments().get("age"));
        assertEquals("=1", back.get(1).segments().get("age"));
    }
}
