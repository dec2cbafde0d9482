package be.buurtstem.engine.kinds;

import java.util.stream.Collectors;

/**
 * The "Node kinds" table and examples of docs/questionnaire-format.md, written from the registry so that the docs
 * say what the loader accepts. {@code KindDocsTest} compares the file's section between {@link #BEGIN} and
 * {@link #END} with {@link #markdown()}, and rewrites it when run with {@code -Ddocs.update=true}.
 */
public final class KindTable {
    public static final String BEGIN = "<!-- kinds:begin: generated from survey-engine's kinds/*Kind.java;"
            + " rewrite with: mvn -B -o -pl survey-engine test -Dtest=KindDocsTest -Ddocs.update=true -->";
    public static final String END = "<!-- kinds:end -->";

    private KindTable() {
    }

    /** The section's text, without the markers. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| kind | what the resident sees | answer value recorded | its own keys |\n");
        b.append("|---|---|---|---|\n");
        for (KindHandler<?> h : Kinds.all()) {
            KindDoc d = h.doc();
            String keys = d.keys().isEmpty() ? "–" : d.keys().stream()
                    .map(k -> "`" + k.name() + "`: " + k.says()).collect(Collectors.joining(" · "));
            b.append("| `").append(h.name()).append("` | ").append(d.shows()).append(" | ").append(d.records())
                    .append(" | ").append(keys).append(" |\n");
        }
        b.append("\nAn example of each kind (each is loaded and validated by `KindDocsTest`, with an `end` node `bye`):\n");
        for (KindHandler<?> h : Kinds.all()) {
            b.append("\n`").append(h.name()).append("`:\n\n```yaml\n").append(h.doc().example().stripTrailing())
                    .append("\n```\n");
        }
        return b.toString();
    }
}
