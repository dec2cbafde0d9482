package be.buurtstem.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SaturationCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = BuurtstemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static final String[] AGES = {"18-34", "35-54", "55+"};
    static final String[] AREAS = {"Kuregem", "Anneessens", "Marollen"};

    /** 150 respondents, 1–2 answers each, themes from a long-tailed list of 20; area Marollen is rare. */
    static List<String[]> rows() {
        Random r = new Random(42);
        List<String[]> rows = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < 150; p++) {
            String age = AGES[r.nextInt(3)];
            String area = r.nextInt(20) == 0 ? "Marollen" : AREAS[r.nextInt(2)];
            String lang = r.nextBoolean() ? "nl" : "fr";
            int answers = 1 + r.nextInt(2);
            for (int a = 0; a < answers; a++) {
                List<String> themes = new ArrayList<>();
                int k = 1 + r.nextInt(2);
                for (int j = 0; j < k; j++) {
                    String t = "theme" + (int) Math.floor(20 * Math.pow(r.nextDouble(), 2.5));
                    if (!themes.contains(t)) {
                        themes.add(t);
                    }
                }
                String coder = r.nextInt(4) == 0 ? "analyst" : "machine";
                String at = String.format("2026-03-%02dT%02d:%02d:00Z", 1 + p / 24, p % 24, a);
                rows.add(new String[] {"a" + id++, "r" + p, "q" + (a + 1), lang, String.join(";", themes), age, area,
                        coder, at});
            }
        }
        return rows;
    }

    Path jsonl() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows()) {
            StringBuilder themes = new StringBuilder();
            for (String t : row[4].split(";")) {
                themes.append(themes.length() == 0 ? "" : ",").append('"').append(t).append('"');
            }
            sb.append(String.format("{\"id\":\"%s\",\"text\":\"...\",\"respondent\":\"%s\",\"question\":\"%s\","
                            + "\"language\":\"%s\",\"themes\":[%s],\"age_band\":\"%s\",\"area\":\"%s\",\"coder\":\"%s\","
                            + "\"received_at\":\"%s\"}%n", row[0], row[1], row[2], row[3], themes, row[5], row[6],
                    row[7], row[8]));
        }
        Path f = dir.resolve("answers.jsonl");
        Files.writeString(f, sb.toString());
        return f;
    }

    Path csv() throws IOException {
        StringBuilder sb = new StringBuilder("id,text,respondent,question,language,themes,age_band,area,coder,received_at\n");
        for (String[] row : rows()) {
            sb.append(String.join(",", row[0], "\"Te veel verkeer, en \"\"vuil\"\"\"", row[1], row[2], row[3], row[4],
                    row[5], row[6], row[7], row[8])).append('\n');
        }
        Path f = dir.resolve("answers.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void jsonHasTheContractFieldsOverallAndPerSegment() throws IOException {
        Run r = run("saturation", "--input", jsonl().toString(), "--by", "age_band,area", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        Set<String> contract = Set.of("answers", "respondents", "themes_seen", "singletons", "doubletons", "chao1",
                "chao2", "coverage", "new_share_last_run", "status", "saturated", "saturated_at", "curve");
        for (String k : contract) {
            assertTrue(root.has(k), k);
        }
        assertEquals(150, root.get("respondents").asInt());
        assertEquals(150, root.get("curve").size());
        assertTrue(Set.of("too_few", "hearing_new", "saturated").contains(root.get("status").asString()));
        assertEquals(root.get("status").asString().equals("saturated"), root.get("saturated").asBoolean());
        double cov = root.get("coverage").asDouble();
        assertTrue(cov > 0.5 && cov <= 1, "coverage " + cov);
        assertTrue(root.get("chao2").asDouble() >= root.get("themes_seen").asInt());
        JsonNode segs = root.get("segments");
        assertEquals(Set.of("age_band", "area"), Set.copyOf(segs.propertyNames()));
        assertEquals(Set.of("18-34", "35-54", "55+"), Set.copyOf(segs.get("age_band").propertyNames()));
        JsonNode marollen = segs.get("area").get("Marollen");
        for (String k : contract) {
            assertTrue(marollen.has(k), "segment " + k);
        }
        assertEquals("too_few", marollen.get("status").asString());
        assertTrue(root.get("thin_segments").toString().contains("area=Marollen"));
        assertTrue(root.get("unconfirmed_mentions").asInt() > 0);
        int total = 0;
        for (JsonNode v : segs.get("age_band")) {
            total += v.get("respondents").asInt();
        }
        assertEquals(150, total);
    }

    @Test
    void csvGivesTheSameFiguresAsJsonLines() throws IOException {
        Run a = run("saturation", "--input", jsonl().toString(), "--by", "area,language", "--json");
        Run b = run("saturation", "--input", csv().toString(), "--by", "area,language", "--json");
        assertEquals(0, b.exit(), b.err());
        assertEquals(a.out(), b.out());
    }

    @Test
    void readableReportHasTablesChartAndPlainWords() throws IOException {
        Path expect = dir.resolve("expect.json");
        Files.writeString(expect, "{\"area\": {\"Kuregem\": 0.4, \"Anneessens\": 0.3, \"Marollen\": 0.2,"
                + " \"Brigittinen\": 0.1}}");
        Run r = run("saturation", "--input", csv().toString(), "--by", "age_band,area", "--expect", expect.toString(),
                "--per", "question");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("code saturation"), out);
        assertTrue(out.contains("not meaning saturation"), out);
        assertTrue(out.contains("Chao2 [95% CI]"), out);
        assertTrue(out.contains("By age_band:") && out.contains("By area:"), out);
        assertTrue(out.contains("respondents") && out.contains("|#"), out);
        assertTrue(out.contains("Silent segments") && out.contains("area=Brigittinen"), out);
        assertTrue(out.contains("Under-represented") && out.contains("area=Marollen"), out);
        assertTrue(out.contains("Go and find these voices"), out);
        assertTrue(out.contains("Unconfirmed machine codes"), out);
        assertTrue(out.contains("Guest, Namey & Chen (2020)"), out);
        assertTrue(out.contains("Per question:") && out.contains("q2"), out);
    }

    @Test
    void badRecordGivesFileAndLineAndExitOne() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"1\",\"text\":\"a\",\"themes\":[\"x\"]}\n"
                + "{\"id\":\"2\",\"text\":\"b\",\"themes\":[\"y\"]}\n"
                + "{\"id\":\"3\",\"text\":\"c\",\"themes\":\"x\"}\n");
        Run r = run("saturation", "--input", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("bad.jsonl:3:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badConfirmedFlagGivesLineAndExitOne() throws IOException {
        Path f = dir.resolve("flag.csv");
        Files.writeString(f, "id,text,themes,confirmed\n1,a,x,true\n2,b,y,maybe\n");
        Run r = run("saturation", "--input", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("flag.csv:3: confirmed must be true or false"), r.err());
    }

    @Test
    void missingFileAndUnknownTypeExitOne() {
        Run r = run("saturation", "--input", dir.resolve("nope.jsonl").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("nope.jsonl"), r.err());
        Run t = run("saturation", "--input", dir.resolve("answers.txt").toString());
        assertEquals(1, t.exit());
        assertTrue(t.err().contains(".jsonl"), t.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("saturation").exit());
        assertEquals(2, run("saturation", "--input").exit());
        assertEquals(2, run("saturation", "--input", "x.jsonl", "--frobnicate").exit());
    }

    @Test
    void theSharedAnswerFileFixturesAreRead() throws Exception {
        // the answer-file fixtures of be.buurtstem.bot.files: a synthetic and an unlabelled record are not counted
        Path jsonl = Path.of(getClass().getResource("/be/buurtstem/bot/files/answers.jsonl").toURI());
        Run r = run("saturation", "--input", jsonl.toString(), "--by", "area,language", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertEquals(3, root.get("answers").asInt());
        assertEquals(1, root.get("skipped_synthetic").asInt());
        assertEquals(1, root.get("skipped_uncoded").asInt());
        assertEquals("too_few", root.get("status").asString());
        assertTrue(root.get("segments").get("area").has("Kuregem"));
        Path csv = Path.of(getClass().getResource("/be/buurtstem/bot/files/answers.csv").toURI());
        Run c = run("saturation", "--input", csv.toString(), "--by", "area");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("By area:"), c.out());
    }

    @Test
    void emptyFileIsTooFewNotAnError() throws IOException {
        Path f = dir.resolve("empty.jsonl");
        Files.writeString(f, "");
        Run r = run("saturation", "--input", f.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertEquals("too_few", root.get("status").asString());
        assertEquals(0, root.get("curve").size());
        assertTrue(root.get("saturated_at").isNull());
        Run text = run("saturation", "--input", f.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("no respondents yet"), text.out());
    }


    @Test
    void aLineOverOneMegabyteGivesFileAndLineAndExitOne() throws IOException {
        Path f = dir.resolve("long.jsonl");
        Files.writeString(f, "{\"id\":\"1\",\"text\":\"a\",\"themes\":[\"x\"]}\n"
                + "{\"id\":\"2\",\"text\":\"" + "b".repeat(3 * 1024 * 1024) + "\",\"themes\":[\"y\"]}\n");
        Run r = run("saturation", "--input", f.toString());
        assertEquals(1, r.exit());
        assertEquals(f + ":2: line longer than 1 MB (1048576 bytes); lines are limited to 1 MB\n", r.err());
        Path csv = dir.resolve("long.csv");
        Files.writeString(csv, "id,text,themes\n1,a,x\n2,\"" + "b\n".repeat(600 * 1024) + "\",y\n");
        Run c = run("saturation", "--input", csv.toString());
        assertEquals(1, c.exit());
        assertTrue(c.err().startsWith(csv + ":3: record longer than 1 MB"), c.err());
        Path bad = dir.resolve("bad8.csv");
        Files.write(bad, "id,text,themes\n1,caf\u00e9,x\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run b = run("saturation", "--input", bad.toString());
        assertEquals(1, b.exit());
        assertEquals(bad + ":2: not valid UTF-8\n", b.err());
    }
}
