package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Locales;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.List;
import java.util.Map;

/** Texts: translations present (else a warning naming the fallback), ICU patterns parse, arguments name questions. */
public final class TextCheck {
    /** The routing graph and reachability cache of one run, for "asked before" (an instance per run: thread-safe). */
    private final Graph top;
    private final Map<String, java.util.Set<String>> reach = new java.util.HashMap<>();

    private TextCheck(Questionnaire q) {
        this.top = Graph.top(q);
    }

    public static void run(Questionnaire q, List<Problem> out) {
        new TextCheck(q).check(q, out);
    }

    private void check(Questionnaire q, List<Problem> out) {
        NodeIndex index = NodeIndex.of(q);
        text(q, index, null, q.title(), "title", true, out);
        text(q, index, null, q.description(), "description", true, out);
        for (Map.Entry<String, Text> e : q.texts().entrySet()) {
            // Overrides of system texts fall back to the built-in translations, so gaps are not reported.
            text(q, index, null, e.getValue(), "texts." + e.getKey(), false, out);
        }
        nodes(q, index, q.nodes(), out);
    }

    private void nodes(Questionnaire q, NodeIndex index, List<Node> nodes, List<Problem> out) {
        for (Node n : nodes) {
            String w = "'" + n.id() + "'";
            text(q, index, n, n.text(), "text of " + w, true, out);
            text(q, index, n, n.help(), "help of " + w, true, out);
            text(q, index, n, n.yes(), "yes of " + w, true, out);
            text(q, index, n, n.no(), "no of " + w, true, out);
            text(q, index, n, n.refused(), "refused_text of " + w, true, out);
            text(q, index, n, n.more(), "more of " + w, true, out);
            n.labels().forEach((v, t) -> text(q, index, n, t, "label " + v + " of " + w, true, out));
            for (Option o : n.options()) {
                text(q, index, n, o.label(), "label of option '" + o.id() + "' in " + w, true, out);
            }
            nodes(q, index, n.nodes(), out);
        }
    }

    private void text(Questionnaire q, NodeIndex index, Node at, Text t, String what, boolean reportGaps,
                             List<Problem> out) {
        if (t == null) {
            return;
        }
        String f = q.file();
        if (!t.neutral()) {
            for (String lang : q.languages()) {
                if (reportGaps && !t.patterns().containsKey(lang)) {
                    String fallback = null;
                    for (String l : Locales.chain(lang, q.defaultLanguage())) {
                        if (t.patterns().containsKey(l)) {
                            fallback = l;
                            break;
                        }
                    }
                    if (fallback == null && !t.patterns().isEmpty()) {
                        fallback = t.patterns().keySet().iterator().next();
                    }
                    out.add(Problem.warning(f, t.line(), what + " is missing in '" + lang + "' (falls back to '" + fallback + "')"));
                }
            }
            for (String lang : t.patterns().keySet()) {
                if (!q.languages().contains(lang) && !q.languages().contains(Locales.base(lang))) {
                    out.add(Problem.warning(f, t.lineOf(lang), what + " has a text in '" + lang + "', which is not among languages " + q.languages()));
                }
            }
        }
        for (Map.Entry<String, String> e : t.patterns().entrySet()) {
            String lang = e.getKey().equals(Text.ANY) ? q.defaultLanguage() : e.getKey();
            int line = t.lineOf(e.getKey());
            MessageFormat mf;
            try {
                mf = new MessageFormat(e.getValue(), ULocale.forLanguageTag(lang));
            } catch (IllegalArgumentException ex) {
                out.add(IcuWords.problem(f, line, what, e.getKey(), ex.getMessage()));
                continue;
            }
            for (String arg : mf.getArgumentNames()) {
                if (q.context().contains(arg) && index.node(arg) == null) {
                    continue; // a respondent-context parameter the file declares (empty when the channel has none)
                }
                String problem = argumentProblem(index, at, arg);
                if (problem != null) {
                    out.add(Problem.error(f, line, what + " in '" + e.getKey() + "': " + problem));
                } else if (at != null && index.node(arg) != null && index.node(arg) != at
                        && !ReferenceCheck.askedBefore(index, top, reach, index.node(arg), at)) {
                    out.add(Problem.warning(f, line, what + " in '" + e.getKey() + "': {" + arg + "} is never asked before '"
                            + at.id() + "', so it shows empty"));
                }
            }
        }
    }

    /** Null when {@code {name}} means something where the text is shown. */
    static String argumentProblem(NodeIndex index, Node at, String name) {
        if (name.equals("iteration")) {
            boolean inRepeat = at != null && (index.repeatOf(at.id()) != null || at.kind() == be.buurtstem.engine.model.Kind.REPEAT);
            return inRepeat ? null : "{iteration} only works inside a repeat group";
        }
        if (name.startsWith("count_")) {
            Node r = index.node(name.substring(6));
            return r != null && r.kind() == be.buurtstem.engine.model.Kind.REPEAT ? null
                    : "{" + name + "} names no repeat group '" + name.substring(6) + "'";
        }
        Node qn = index.node(name);
        if (qn == null || !qn.kind().isQuestion()) {
            return "argument {" + name + "} names no question";
        }
        return null;
    }
}
