package be.buurtstem.bot.cli;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.bot.files.AnswerReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Drives {@code code train | apply | evaluate} through the real command line on real files. */
class CodeCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = BuurtstemCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path resource(String name) {
        try {
            return Path.of(CodeCommandTest.class.getResource("/be/buurtstem/bot/cli/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Answer> read(Path p) throws IOException {
        try (AnswerReader r = AnswerReader.open(p)) {
            return r.stream().toList();
        }
    }

    @Test
    void trainApplyEvaluateRoundTripOnJsonLines(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("coder.model");
        Run train = run("code", "train", "--input", resource("labelled.jsonl").toString(), "--model", model.toString(),
                "--folds", "3", "--codebook", "none");
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("model version 1 written"), train.out());
        assertTrue(train.out().contains("300 answers (0 synthetic), 5 themes"), train.out());
        assertTrue(train.out().contains("cross-validated (3 folds by respondent, 300 answers scored"), train.out());
        assertTrue(Files.size(model) > 0);

        Path coded = dir.resolve("coded.jsonl");
        Run apply = run("code", "apply", "--model", model.toString(), "--input", resource("new.jsonl").toString(), "--output", coded.toString());
        assertEquals(0, apply.exit(), apply.err());
        assertTrue(apply.err().contains("coded 6 answers with combined model-1"), apply.err());
        assertTrue(apply.err().contains("1 written in another language than the one chosen"), apply.err());
        List<Answer> out = read(coded);
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6"), out.stream().map(Answer::id).toList());
        assertTrue(out.get(0).themes().contains("cleanliness"), out.get(0).toString());
        assertEquals(Map.of("area", "Kuregem"), out.get(0).segments(), "segment fields are kept");
        assertTrue(out.get(1).themes().contains("green_space"), out.get(1).toString());
        assertEquals(List.of(), out.get(2).themes(), "an empty answer has no theme");
        assertEquals(List.of(), out.get(3).themes(), "an emoji-only answer has no theme");
        assertTrue(out.get(4).themes().contains("cleanliness"), out.get(4).toString());
        assertTrue(out.get(5).themes().contains("youth"), out.get(5).toString());
        for (Answer a : out) {
            for (String t : a.themes()) {
                assertTrue(a.scores().containsKey(t), "each coded theme has its score");
            }
        }

        Run eval = run("code", "evaluate", "--input", resource("labelled.jsonl").toString(), "--folds", "3", "--codebook", "none");
        assertEquals(0, eval.exit(), eval.err());
        for (String s : List.of("3-fold cross-validation by respondent", "theme", "precision", "recall", "F1", "cleanliness",
                "micro precision", "macro F1", "Cohen's kappa", "per language:", "  ar ", "  tr ")) {
            assertTrue(eval.out().contains(s), s + " in\n" + eval.out());
        }
    }

    @Test
    void evaluateJsonForMachines() {
        Run eval = run("code", "evaluate", "--input", resource("labelled.csv").toString(), "--folds", "3", "--json", "--codebook", "none");
        assertEquals(0, eval.exit(), eval.err());
        JsonNode o = JsonMapper.builder().build().readTree(eval.out());
        assertEquals(300, o.get("answers").asInt());
        assertEquals(3, o.get("folds").asInt());
        assertEquals(5, o.get("themes").size());
        JsonNode safety = o.get("themes").get("safety");
        for (String f : List.of("support", "precision", "recall", "f1", "kappa")) {
            assertTrue(safety.has(f), f);
        }
        double micro = o.get("micro").get("f1").asDouble();
        assertTrue(micro > 0.6 && micro <= 1, eval.out());
        assertTrue(o.has("macro_f1") && o.has("kappa"));
        assertEquals(5, o.get("by_language").size());
    }

    @Test
    void csvInCsvOutAndRetrainingMakesTheNextVersion(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, run("code", "train", "--input", resource("labelled.csv").toString(), "--model", model.toString(), "--folds", "0").exit());
        Run again = run("code", "train", "--input", resource("labelled.csv").toString(), "--model", model.toString(), "--folds", "0", "--json");
        assertEquals(0, again.exit(), again.err());
        JsonNode info = JsonMapper.builder().build().readTree(again.out());
        assertEquals(2, info.get("version").asInt());
        assertEquals(300, info.get("examples").asInt());
        assertTrue(info.has("trainedAt"));

        Path coded = dir.resolve("coded.csv");
        Run apply = run("code", "apply", "--model", model.toString(), "--input", resource("new.jsonl").toString(), "--output", coded.toString());
        assertEquals(0, apply.exit(), apply.err());
        String csv = Files.readString(coded);
        assertTrue(csv.startsWith("id,text,respondent,question,language,themes,area,received_at,scores\r\n"), csv);
        List<Answer> back = read(coded);
        assertEquals(6, back.size());
        assertTrue(back.get(0).themes().contains("cleanliness"));

        // evaluating the saved model on labelled data scores it without cross-validation
        Run eval = run("code", "evaluate", "--input", resource("labelled.jsonl").toString(), "--model", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().startsWith("model 2 "), eval.out());
    }

    @Test
    void aMalformedRecordFailsWithItsLineNumber(@TempDir Path dir) {
        Run r = run("code", "train", "--input", resource("bad.jsonl").toString(), "--model", dir.resolve("m.zip").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("bad.jsonl:2: invalid JSON"), r.err());
        assertTrue(r.err().contains("--skip-bad"), r.err());
        assertFalse(Files.exists(dir.resolve("m.zip")));

        Run apply = run("code", "apply", "--model", dir.resolve("none.zip").toString(), "--input", resource("bad.jsonl").toString(),
                "--output", dir.resolve("o.jsonl").toString());
        assertEquals(1, apply.exit());
        assertTrue(apply.err().contains("no such model file"), apply.err());
    }

    @Test
    void skipBadReportsEachSkippedLine(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, run("code", "train", "--input", resource("labelled.jsonl").toString(), "--model", model.toString(), "--folds", "0").exit());
        Path out = dir.resolve("o.jsonl");
        Run r = run("code", "apply", "--model", model.toString(), "--input", resource("bad.jsonl").toString(), "--output", out.toString(), "--skip-bad");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("skipped "), r.err());
        assertTrue(r.err().contains("bad.jsonl:2: invalid JSON"), r.err());
        assertTrue(r.err().contains("bad.jsonl:3: themes must be a JSON array of strings"), r.err());
        assertTrue(r.err().contains("2 malformed records were skipped"), r.err());
        assertEquals(List.of("b1", "b4"), read(out).stream().map(Answer::id).toList());

        Run strict = run("code", "apply", "--model", model.toString(), "--input", resource("bad.jsonl").toString(), "--output", out.toString());
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("bad.jsonl:2:"), strict.err());
        assertFalse(Files.exists(out), "no half-written output is left behind");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("code", "train", "--input", "x.jsonl").exit(), "missing --model");
        assertEquals(2, run("code", "frobnicate").exit());
        Run r = run("code", "evaluate", "--input", resource("labelled.jsonl").toString(), "--features", "words");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown feature \"words\""), r.err());
    }

    @Test
    void aFileWithoutLabelsCannotBeTrainedOnAndSaysWhy(@TempDir Path dir) {
        Run r = run("code", "train", "--input", resource("new.jsonl").toString(), "--model", dir.resolve("m.zip").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("6 answers without a themes field were not used"), r.err());
        assertTrue(r.err().contains("no labelled answers"), r.err());
    }

    @Test
    void syntheticAnswersAreNeverScoredUnlessAskedForADesignMeasurement() {
        Run r = run("code", "evaluate", "--input", resource("synthetic.jsonl").toString(), "--folds", "3", "--codebook", "none");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no labelled, non-synthetic answers"), r.err());
        Run design = run("code", "evaluate", "--input", resource("synthetic.jsonl").toString(), "--folds", "3", "--codebook", "none",
                "--score-synthetic");
        assertEquals(0, design.exit(), design.err());
        assertTrue(design.err().contains("not a quality figure"), design.err());
        assertTrue(design.out().contains("60 answers scored"), design.out());
    }

    @Test
    void codeApplyWritesFormulaAnswersAsTextAndReadsThemBack(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, run("code", "train", "--input", resource("labelled.csv").toString(), "--model", model.toString(), "--folds", "0").exit());
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, """
                {"id": "1", "text": "=HYPERLINK(\\"http://evil.example\\",\\"park\\")", "area": "-3"}
                {"id": "2", "text": "@SUM(1+1)*cmd|' /C calc'!A0", "area": "+4.5"}
                {"id": "3", "text": "＝1+1 het park is vuil", "area": "-1+1"}
                """);
        Path coded = dir.resolve("coded.csv");
        Run apply = run("code", "apply", "--model", model.toString(), "--input", input.toString(), "--output", coded.toString());
        assertEquals(0, apply.exit(), apply.err());
        List<String> rows = Files.readAllLines(coded);
        assertTrue(rows.get(1).startsWith("1,\"'=HYPERLINK(") && rows.get(1).contains(",-3,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,\"'@SUM(") && rows.get(2).contains(",+4.5,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("3,\"'＝1+1") && rows.get(3).contains(",\"'-1+1\","), rows.get(3));
        List<Answer> back = read(coded);
        assertEquals("=HYPERLINK(\"http://evil.example\",\"park\")", back.get(0).text());
        assertEquals("-3", back.get(0).segments().get("area"));
        assertEquals("-1+1", back.get(2).segments().get("area"));
    }

    @Test
    void codeApplyOnALineOverOneMegabyteSaysFileAndLine(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m.zip");
        assertEquals(0, run("code", "train", "--input", resource("labelled.csv").toString(), "--model", model.toString(), "--folds", "0").exit());
        Path input = dir.resolve("long.csv");
        Files.writeString(input, "id,text\n1,het park\n2," + "x".repeat(3 * 1024 * 1024) + "\n");
        Run apply = run("code", "apply", "--model", model.toString(), "--input", input.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(1, apply.exit());
        assertTrue(apply.err().contains(input + ":3: line longer than 1 MB (1048576 bytes)"), apply.err());
        assertFalse(apply.err().contains("\tat "), apply.err());
    }

    @Test
    void trainsAndEvaluatesOnATsvWithItsOwnColumnNamesAndOneLanguage(@TempDir Path dir) throws IOException {
        // a public data set's shape (SIB-200): index_id, category, text, one label each, no language column
        StringBuilder tsv = new StringBuilder("index_id\tcategory\ttext\n");
        int rows = 0;
        for (Answer a : read(resource("labelled.csv"))) {
            if ("en".equals(a.language()) && a.themes().size() == 1) {
                tsv.append(a.id()).append('\t').append(a.themes().get(0)).append('\t').append(a.text()).append('\n');
                rows++;
            }
        }
        Path in = Files.writeString(dir.resolve("eng_Latn-train.tsv"), tsv);
        Run eval = run("code", "evaluate", "--input", in.toString(), "--columns", "id=index_id,themes=category", "--language", "en",
                "--folds", "3", "--codebook", "none", "--json");
        assertEquals(0, eval.exit(), eval.err());
        JsonNode o = JsonMapper.builder().build().readTree(eval.out());
        assertEquals(rows, o.get("answers").asInt());
        assertEquals(List.of("en"), List.copyOf(o.get("by_language").propertyNames()), "--language is every record's language");
        double top = o.get("top_theme_accuracy").asDouble();
        assertTrue(top > 0.5 && top <= 1, eval.out());
        assertEquals(top, o.get("by_language").get("en").get("top_theme_accuracy").asDouble(), 1e-9);

        Path model = dir.resolve("m.zip");
        Run train = run("code", "train", "--input", in.toString(), "--columns", "id=index_id,themes=category", "--language", "en",
                "--model", model.toString(), "--folds", "0", "--codebook", "none");
        assertEquals(0, train.exit(), train.err());
        Path coded = dir.resolve("coded.tsv");
        Run apply = run("code", "apply", "--model", model.toString(), "--input", in.toString(), "--columns", "id=index_id,themes=category",
                "--language", "en", "--output", coded.toString());
        assertEquals(0, apply.exit(), apply.err());
        List<Answer> back = read(coded);
        assertEquals(rows, back.size());
        assertEquals("en", back.get(0).language());
        assertFalse(back.get(0).scores().isEmpty());
        Run scored = run("code", "evaluate", "--model", model.toString(), "--input", in.toString(), "--columns", "id=index_id,themes=category",
                "--language", "en");
        assertEquals(0, scored.exit(), scored.err());
        assertTrue(scored.out().contains("top-theme accuracy "), scored.out());

        Run wrong = run("code", "evaluate", "--input", in.toString(), "--columns", "id=sentence_id", "--folds", "3");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("no \"sentence_id\" column for id"), wrong.err());
    }
}
