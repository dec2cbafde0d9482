package be.buurtstem.engine.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden driver itself: a difference fails with a readable diff, updating rewrites, a bad script says where. */
class GoldenFilesTest {

    private static final String SCRIPT = """
            # consent refused
            questionnaire: /questionnaires/buurtleven.yaml
            language: nl

            > press nl
            > press no
            """;

    @Test
    void aNewFileIsWrittenOnUpdateAndThenPasses(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("refused.transcript");
        Files.writeString(f, SCRIPT);
        assertThrows(AssertionError.class, () -> GoldenFiles.check(f, false), "only the script: the output is missing");
        GoldenFiles.check(f, true);
        String written = Files.readString(f);
        assertTrue(written.startsWith("# consent refused\nquestionnaire: /questionnaires/buurtleven.yaml\nlanguage: nl\n\n<"), written);
        assertTrue(written.contains("> press no\n< Helemaal goed. Bedankt en tot ziens!\n* consent refused (version 3)\n"), written);
        assertTrue(written.endsWith("= refused in nl, at -, waits for nothing\n= answers (0)\n"), written);
        assertDoesNotThrow(() -> GoldenFiles.check(f, false));
    }

    @Test
    void aDifferenceFailsWithTheChangedLinesAndLeavesTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("refused.transcript");
        Files.writeString(f, SCRIPT);
        GoldenFiles.check(f, true);
        String good = Files.readString(f);
        String bad = good.replace("< Helemaal goed. Bedankt en tot ziens!", "< Jammer. Tot ziens!");
        Files.writeString(f, bad);
        AssertionError e = assertThrows(AssertionError.class, () -> GoldenFiles.check(f, false));
        assertTrue(e.getMessage().contains("\n- < Jammer. Tot ziens!\n+ < Helemaal goed. Bedankt en tot ziens!\n"), e.getMessage());
        assertTrue(e.getMessage().contains("  > press no\n"), "context around the change: " + e.getMessage());
        assertTrue(e.getMessage().contains("-Dgolden.update=true"), e.getMessage());
        assertEquals(bad, Files.readString(f), "a failing check does not touch the file");
    }

    @Test
    void aScriptMistakeNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Script.parse("x.transcript", SCRIPT + "> shout hello\n"));
        assertTrue(e.getMessage().startsWith("x.transcript:7: unknown input 'shout'"), e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Script.parse("x.transcript", SCRIPT + "> wait soon\n"));
        assertTrue(w.getMessage().contains("a duration is a number and s, m, h or d, not 'soon'"), w.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> Script.parse("x.transcript", "questionnaire: /q.yaml\nlanguge: nl\n"));
        assertTrue(h.getMessage().contains("unknown header key 'languge'"), h.getMessage());
    }

    @Test
    void quotedTextsKeepSpacesAndEscapes() {
        Script s = Script.parse("q.transcript", "questionnaire: /q.yaml\n> say \"  a\\\"b\\n\"\n> say \"\"\n> say plain words\n");
        assertEquals(List.of("  a\"b\n", "", "plain words"), s.steps().stream()
                .map(st -> ((be.buurtstem.engine.Input.Text) ((Script.Send) st.action()).input()).text()).toList());
        assertEquals("\"  a\\\"b\\n\"", Script.quoteIfNeeded("  a\"b\n"));
        assertEquals("plain words", Script.quoteIfNeeded("plain words"));
        assertEquals("> say \" ja\"", Script.line(be.buurtstem.engine.Input.text(" ja")));
        assertEquals("> press _done", Script.line(be.buurtstem.engine.Input.choice("_done")));
    }

    @Test
    void theDiffShowsOnlyTheChangeWithContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String b = "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n";
        assertEquals("@@ line 3\n  3\n  4\n  5\n- 6\n+ six\n  7\n  8\n  9\n", LineDiff.diff(a, b));
    }
}
