package be.buurtstem.bot.service.questionnaires;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Two questionnaire texts are the same version when they differ only in their number or in saying format 1. */
class VersionsTest {
    private static final String BODY = "languages: [nl]\ntitle: x\nnodes: []\n";

    @Test
    void aFormatOneLineDoesNotMakeANewText() {
        String before = "# comment\nid: a\nversion: 1\n" + BODY;
        String now = "# comment\nformat: 1                      # the questionnaire file format\nid: a\nversion: 1\n" + BODY;
        assertEquals(Versions.withoutVersion(before), Versions.withoutVersion(now));
        assertEquals(Versions.withoutVersion(before), Versions.withoutVersion("# comment\nid: a\nversion: 4\n" + BODY));
    }

    @Test
    void otherDifferencesStillCount() {
        String before = "id: a\nversion: 1\n" + BODY;
        assertNotEquals(Versions.withoutVersion(before), Versions.withoutVersion("format: 2\nid: a\nversion: 1\n" + BODY));
        assertNotEquals(Versions.withoutVersion(before), Versions.withoutVersion("id: a\nversion: 1\n" + BODY + "start: q\n"));
    }
}
