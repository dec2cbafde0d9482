package be.buurtstem.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lines of Markdown, printed as they come and written to results.md at the end. */
final class Report {
    private final List<String> lines = new ArrayList<>();

    synchronized void line(String s) {
        lines.add(s);
        System.out.println(s);
        System.out.flush();
    }

    /** One scenario's figures as a two-column table. */
    void table(Map<String, String> figures) {
        line("");
        line("| measure | value |");
        line("|---|---|");
        figures.forEach((k, v) -> line("| " + k + " | " + v + " |"));
        line("");
    }

    /** Baseline and candidate side by side, row by row (the baseline's order, then the candidate's own rows). */
    void compare(String baseline, Map<String, String> a, String candidate, Map<String, String> b) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        a.forEach((k, v) -> rows.computeIfAbsent(k, x -> new String[2])[0] = v);
        b.forEach((k, v) -> rows.computeIfAbsent(k, x -> new String[2])[1] = v);
        line("");
        line("| measure | " + baseline + " | " + candidate + " |");
        line("|---|---|---|");
        rows.forEach((k, v) -> line("| " + k + " | " + (v[0] == null ? "—" : v[0]) + " | " + (v[1] == null ? "—" : v[1])
                + " |"));
        line("");
    }

    synchronized void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
