package be.buurtstem.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a run found: lines of Markdown (printed as they come) and the checks that failed. */
final class Report {
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void line(String s) {
        lines.add(s);
        System.out.println(s);
        System.out.flush();
    }

    /** A measured figure with the bound it must keep; a figure over its bound is a failure. */
    void check(String what, long value, long mustBeAtMost) {
        boolean ok = value <= mustBeAtMost;
        line("| " + what + " | " + value + " | " + (mustBeAtMost == 0 ? "0" : "≤ " + mustBeAtMost) + " | "
                + (ok ? "ok" : "**FAIL**") + " |");
        if (!ok) {
            synchronized (this) {
                failures.add(what + " = " + value);
            }
        }
    }

    void checkTrue(String what, boolean ok, String shown) {
        line("| " + what + " | " + shown + " | yes | " + (ok ? "ok" : "**FAIL**") + " |");
        if (!ok) {
            synchronized (this) {
                failures.add(what + ": " + shown);
            }
        }
    }

    /** A figure that is measured and stated, not bounded. */
    void figure(String what, Object value) {
        line("| " + what + " | " + value + " | (stated) | |");
    }

    void table() {
        line("");
        line("| measure | value | must be | |");
        line("|---|---|---|---|");
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> all = new ArrayList<>(lines);
        all.add("");
        all.add(failures.isEmpty() ? "RESULT: all checks passed" : "RESULT: " + failures.size() + " check(s) failed: "
                + String.join("; ", failures));
        Files.write(file, all, StandardCharsets.UTF_8);
    }
}
