package be.buurtstem.bot.files.xlsform;

import org.junit.jupiter.api.Test;
import java.nio.file.*;

class ScratchTest {
    @Test
    void dump() throws Exception {
        try (var s = Files.list(Path.of("src/test/resources/xlsform/pyxform"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".xlsx")).sorted().toList()) {
                var r = be.buurtstem.bot.cli.BuurtstemCommand.commandLine();
                var out = new java.io.StringWriter();
                r.setOut(new java.io.PrintWriter(out, true));
                r.setErr(new java.io.PrintWriter(out, true));
                int exit = r.execute("validate", p.toString());
                System.out.println("##### " + p.getFileName() + " exit " + exit + "\n" + out);
            }
        }
    }
}
