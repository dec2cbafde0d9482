package be.buurtstem.engine.kinds;

import java.util.List;

/**
 * A kind's entry in docs/questionnaire-format.md, kept beside its code so that the table cannot drift from what the
 * loader accepts ({@code KindDocsTest} compares them; {@code -Ddocs.update=true} rewrites the section).
 *
 * @param shows   what the resident sees (markdown, one line)
 * @param records the answer value recorded (markdown, one line)
 * @param keys    the kind's own keys with what each means, beyond the keys every node has
 * @param example a YAML list of nodes that loads and validates on its own (a test checks it)
 */
public record KindDoc(String shows, String records, List<Key> keys, String example) {

    /** @param name the YAML key; @param says what it means (markdown, one line) */
    public record Key(String name, String says) {
    }

    public static Key key(String name, String says) {
        return new Key(name, says);
    }
}
