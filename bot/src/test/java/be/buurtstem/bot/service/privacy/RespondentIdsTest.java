package be.buurtstem.bot.service.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RespondentIdsTest {
    @Test
    void keyIsGeneratedOnceAndKeptOwnerOnly(@TempDir Path dir) throws Exception {
        RespondentIds a = RespondentIds.load(null, dir);
        RespondentIds b = RespondentIds.load("", dir);
        assertEquals(a.respondentId("telegram", "42"), b.respondentId("telegram", "42"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))));
    }

    @Test
    void idsDependOnKeyAndChannelAndRevealNothing(@TempDir Path dir) {
        RespondentIds a = RespondentIds.load("a-configured-secret-of-some-length", dir);
        RespondentIds b = RespondentIds.load("another-configured-secret-value!!", dir);
        String id = a.respondentId("telegram", "123456789");
        assertEquals(32, id.length());
        assertFalse(id.contains("123456789"));
        assertNotEquals(id, b.respondentId("telegram", "123456789"));
        assertNotEquals(id, a.respondentId("web", "123456789"));
    }
}
