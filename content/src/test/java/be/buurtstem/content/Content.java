package be.buurtstem.content;

import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared helpers for the content tests: loading the bundled files and walking every text in them. */
final class Content {

    static final List<String> LANGUAGES = List.of("nl", "fr", "ar", "tr", "en");

    private Content() {
    }

    static LoadResult load(String id) {
        return QuestionnaireLoader.parse(Bundled.questionnaire(id), id + ".yaml");
    }

    static Questionnaire questionnaire(String id) {
        LoadResult r = load(id);
        if (r.questionnaire() == null || r.hasErrors()) {
            throw new AssertionError(id + ".yaml does not load: " + r.problems());
        }
        return r.questionnaire();
    }

    /** One user-facing text of a questionnaire, with where it sits (for readable failures). */
    record Located(String where, Text text, Node node) {
    }

    static List<Located> texts(Questionnaire q) {
        List<Located> out = new ArrayList<>();
        add(out, "title", q.title(), null);
        add(out, "description", q.description(), null);
        for (Map.Entry<String, Text> e : q.texts().entrySet()) {
            add(out, "texts." + e.getKey(), e.getValue(), null);
        }
        walk(q.nodes(), out);
        return out;
    }

    private static void walk(List<Node> nodes, List<Located> out) {
        for (Node n : nodes) {
            add(out, n.id() + ".text", n.text(), n);
            add(out, n.id() + ".help", n.help(), n);
            add(out, n.id() + ".yes", n.yes(), n);
            add(out, n.id() + ".no", n.no(), n);
            add(out, n.id() + ".refused_text", n.refused(), n);
            add(out, n.id() + ".more", n.more(), n);
            n.labels().forEach((v, t) -> add(out, n.id() + ".labels." + v, t, n));
            for (Option o : n.options()) {
                add(out, n.id() + ".options." + o.id(), o.label(), n);
            }
            walk(n.nodes(), out);
        }
    }

    private static void add(List<Located> out, String where, Text t, Node n) {
        if (t != null) {
            out.add(new Located(where, t, n));
        }
    }

    /** Every node, nested ones included. */
    static List<Node> allNodes(List<Node> nodes) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            out.add(n);
            out.addAll(allNodes(n.nodes()));
        }
        return out;
    }

    static Node node(Questionnaire q, String id) {
        return allNodes(q.nodes()).stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + id + " in " + q.id()));
    }

    /** The first character with a strong direction: 'R' (right-to-left), 'L' (left-to-right) or '?' if none. */
    static char firstStrong(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return 'R';
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return 'L';
            }
            if (cp == 0x2068 || cp == 0x2066 || cp == 0x2067) {
                // Skip an isolate: its content does not set the direction of the text around it.
                int depth = 1;
                i += Character.charCount(cp);
                while (i < s.length() && depth > 0) {
                    int c = s.codePointAt(i);
                    if (c == 0x2066 || c == 0x2067 || c == 0x2068) {
                        depth++;
                    } else if (c == 0x2069) {
                        depth--;
                    }
                    i += Character.charCount(c);
                }
                continue;
            }
            i += Character.charCount(cp);
        }
        return '?';
    }
}
