package be.buurtstem.bot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {

    @Test
    void aValidFileGivesExitZeroAndAOneLineSummary() {
        CliRun r = CliRun.run("validate", CliRun.BUURTLEVEN.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("OK: 1 questionnaire file valid\n", r.out());
    }

    @Test
    void everyProblemOfEveryFileIsPrintedWithItsLine() {
        String loop = CliRun.BROKEN.resolve("loop.yaml").toString();
        String refs = CliRun.BROKEN.resolve("unknown_condition_refs.yaml").toString();
        CliRun r = CliRun.run("validate", loop, CliRun.BUURTLEVEN.toString(), refs);
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(loop + ":10: loop with no way out: q2 → q3 → q2\n"), r.out());
        assertTrue(r.out().contains(loop + ":21: node 'bye' is never reached from 'q1'\n"), r.out());
        assertTrue(r.out().contains(refs + ":13: question 'colour' has no option 'green'\n"), r.out());
        assertTrue(r.out().contains(refs + ":15: condition names no question 'flavour'\n"), r.out());
        assertTrue(r.out().contains(refs + ":17: 'gt' compares numbers"), r.out());
        // Both broken files call themselves "broken" v1: that is a problem too when they are loaded together.
        assertTrue(r.out().contains(refs + ":1: questionnaire broken v1 is also defined in " + loop + "\n"), r.out());
        assertTrue(r.out().endsWith("6 errors in 2 of 3 files\n"), r.out());
    }

    @Test
    void warningsAreMarkedAndDoNotFail() {
        String f = CliRun.BROKEN.resolve("missing_translation.yaml").toString();
        CliRun r = CliRun.run("validate", f);
        assertEquals(0, r.exit());
        assertEquals(f + ":9: warning: text of 'q1' is missing in 'fr' (falls back to 'nl')\n"
                + "OK: 1 questionnaire file valid, 1 warning\n", r.out());
    }

    @Test
    void syntaxErrorsAreReportedLikeAnyProblem() {
        String f = CliRun.BROKEN.resolve("syntax.yaml").toString();
        CliRun r = CliRun.run("validate", f);
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith(f + ":8: the { ... } on this line is not closed"), r.out());
    }

    @Test
    void usageErrorsGiveExitTwo() {
        assertEquals(2, CliRun.run("validate").exit());
        assertEquals(2, CliRun.run("validate", "--no-such-option", "x.yaml").exit());
        CliRun missing = CliRun.run("validate", "does-not-exist.yaml");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("does-not-exist.yaml: cannot read the file"), missing.err());
    }

    @Test
    void theSameQuestionnaireVersionTwiceIsAnError(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("copy.yaml");
        Files.copy(CliRun.BUURTLEVEN, copy);
        CliRun r = CliRun.run("validate", CliRun.BUURTLEVEN.toString(), copy.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(copy + ":3: questionnaire buurtleven v3 is also defined in " + CliRun.BUURTLEVEN), r.out());
    }

    @Test
    void aFileThatIsNotUtf8IsReported(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "id: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("validate", latin1.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith(latin1 + ":1: the file is not valid UTF-8"), r.out());
    }

    @Test
    void aFileOfFiveThousandNestedBracketsExitsOneWithOneProblemLine() {
        String f = CliRun.BROKEN.resolve("deep_nesting.yaml").toString();
        CliRun r = CliRun.run("validate", f);
        assertEquals(1, r.exit(), r.err());
        assertEquals(f + ":5: nested more than 64 levels deep (mappings and lists, brackets or indentation); "
                + "questionnaire files are limited to 64\n1 error in 1 of 1 file\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void aFileOverOneMegabyteIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(2 * 1024 * 1024));
        CliRun r = CliRun.run("validate", big.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith(big + ":1: the file is too large (2097154 bytes"), r.out());
    }
}
