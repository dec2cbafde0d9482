package be.buurtstem.bot.service.analyst;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export file left by a crash holds answers outside the store; it goes when the service starts again. */
class LeftoverExportsTest {
    @Test
    void exportFilesLeftByACrashAreRemovedAndNothingElse(@TempDir Path data) throws IOException {
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        Path left = Files.writeString(tmp.resolve("export-123.csv"), "id,text\na,Mijn geheime buurtwoord\n");
        Path other = Files.writeString(tmp.resolve("notes.txt"), "not ours");
        AnalystController.removeLeftoverExports(tmp);
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(other));
        AnalystController.removeLeftoverExports(data.resolve("missing")); // no folder yet: nothing to do
    }
}
