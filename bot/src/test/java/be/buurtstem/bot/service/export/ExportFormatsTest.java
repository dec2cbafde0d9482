package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.bot.files.AnswerReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry, the filter's checks and the CSV / JSON Lines writers on made-up rows (no service). */
class ExportFormatsTest {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    static byte[] write(String format, long rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormats.standard().of(format).write(new SyntheticSource(rows), out);
        return out.toByteArray();
    }

    @Test
    void theRegistryNamesItsFormatsAndTakesNewOnes() {
        ExportFormats f = ExportFormats.standard();
        assertEquals(List.of("csv", "jsonl", "xlsx"), f.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.of("xml"));
        assertEquals("format must be one of csv, jsonl, xlsx (got \"xml\")", e.getMessage());
        ExportFormat plain = new ExportFormat() {
            public String name() {
                return "ids";
            }

            public String extension() {
                return ".txt";
            }

            public String mediaType() {
                return "text/plain";
            }

            public void write(ExportSource source, OutputStream out) throws IOException {
                source.each(r -> {
                    try {
                        out.write((r.id() + "\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                });
            }
        };
        ExportFormats more = f.with(plain);
        assertEquals(List.of("csv", "jsonl", "xlsx", "ids"), more.names());
        assertEquals(List.of("csv", "jsonl", "xlsx"), f.names(), "the standard registry is unchanged");
        assertThrows(IllegalArgumentException.class, () -> more.with(plain), "a name taken twice");
    }

    @Test
    void theFilterSaysWhatIsWrong() {
        ExportFilter ok = ExportFilter.parse("buurt", "2", "2026-03-01", "2026-03-31", "ar", "free_text",
                "area=noord", "fr");
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), ok.from());
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), ok.to(), "to includes its whole day");
        assertEquals("area", ok.segmentField());
        assertEquals("noord", ok.segmentValue());
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"),
                ExportFilter.parse(null, null, "2026-03-01T10:00:00+01:00", null, null, null, null, null).from());
        assertNull(ExportFilter.parse(" ", "", null, null, "", null, "", null).questionnaire());
        for (String[] bad : new String[][]{
                {"version", "x"}, {"version", "0"}, {"from", "gisteren"}, {"segment", "area"}, {"segment", "=noord"},
                {"language", "<b>"}, {"questionnaire", "../etc"}, {"kind", "Free Text"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFilter.parse(
                    bad[0].equals("questionnaire") ? bad[1] : null, bad[0].equals("version") ? bad[1] : null,
                    bad[0].equals("from") ? bad[1] : null, null, bad[0].equals("language") ? bad[1] : null,
                    bad[0].equals("kind") ? bad[1] : null, bad[0].equals("segment") ? bad[1] : null, null));
            assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportFilter.parse(null, null, "2026-03-02",
                "2026-03-01", null, null, null, null)).getMessage().contains("from must be before to"));
    }

    @Test
    void csvIsRfc4180WithABomAndReadsBack(@TempDir Path dir) throws IOException {
        byte[] csv = write("csv", 16);
        assertEquals("\uFEFFid,text,respondent,question,language,themes,questionnaire,version,round,kind,block,"
                + "channel,value,label,latitude,longitude,detected_language,confirmed,age_band,area,received_at,scores",
                new String(csv, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Klik\"\") het park\","), text);
        assertTrue(text.contains(",groen;verkeer,Groen;Verkeer,"), text);
        assertTrue(text.contains("green_space=0.9123;cleanliness=0.6") || text.contains(
                "cleanliness=0.6;green_space=0.9123"), text);
        Path file = dir.resolve("x.csv");
        Files.write(file, csv);
        List<Answer> back = read(file);
        assertEquals(16, back.size());
        assertEquals(SyntheticSource.FORMULA + " het park", back.get(7).text());
        assertEquals(SyntheticSource.ARABIC, back.get(6).text());
        assertEquals(List.of("green_space", "cleanliness"), back.get(6).themes());
        assertEquals("zuid", back.get(1).segments().get("area"));
    }

    @Test
    void jsonLinesIsTypedAndReadsBack(@TempDir Path dir) throws IOException {
        byte[] jsonl = write("jsonl", 8);
        List<JsonNode> lines = new String(jsonl, StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
        assertEquals(8, lines.size());
        assertTrue(lines.get(1).path("value").isArray());
        assertEquals("verkeer", lines.get(1).path("value").get(1).asString());
        assertTrue(lines.get(2).path("value").isIntegralNumber());
        assertEquals(12.5, lines.get(3).path("value").asDouble());
        assertTrue(lines.get(4).path("latitude").isNumber());
        assertTrue(lines.get(6).path("confirmed").isBoolean() && lines.get(6).path("confirmed").asBoolean());
        assertTrue(lines.get(6).path("themes").isArray());
        assertTrue(lines.get(6).path("scores").path("green_space").isNumber());
        assertEquals(1, lines.get(6).path("version").asInt());
        assertFalse(lines.get(0).has("themes"), "a closed question has no themes (not an empty list)");
        Path file = dir.resolve("x.jsonl");
        Files.write(file, jsonl);
        List<Answer> back = read(file);
        assertEquals(8, back.size());
        assertEquals("groen;verkeer", back.get(1).segments().get("value"));
        assertNull(back.get(0).themes());
    }

    static List<Answer> read(Path file) throws IOException {
        List<Answer> out = new ArrayList<>();
        try (AnswerReader in = AnswerReader.open(file, bad -> {
            throw new AssertionError("refused: " + bad);
        })) {
            in.forEach(out::add);
        }
        return out;
    }
}
