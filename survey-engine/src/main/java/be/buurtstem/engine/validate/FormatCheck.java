package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Locales;
import be.buurtstem.engine.text.Renderer;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Formats every text in every language with sample arguments, exercising each plural form. */
public final class FormatCheck {
    private static final Object[] NUMBERS = {0L, 1L, 2L, 3L, 5L, 11L, 100L, 1.5};

    private FormatCheck() {
    }

    public static void run(Questionnaire q, List<Problem> out) {
        NodeIndex index = NodeIndex.of(q);
        for (Text t : Renderer.collect(q)) {
            for (String lang : q.languages()) {
                String pattern = null;
                String patternLang = lang;
                for (String l : Locales.chain(lang, q.defaultLanguage())) {
                    if (t.patterns().containsKey(l)) {
                        pattern = t.patterns().get(l);
                        patternLang = l;
                        break;
                    }
                }
                if (pattern == null) {
                    pattern = t.patterns().get(Text.ANY);
                }
                if (pattern == null) {
                    continue;
                }
                try {
                    MessageFormat mf = new MessageFormat(pattern, ULocale.forLanguageTag(patternLang));
                    for (Object number : NUMBERS) {
                        Map<String, Object> args = new HashMap<>();
                        for (String name : mf.getArgumentNames()) {
                            args.put(name, sample(index, name, number));
                        }
                        String s = mf.format(args);
                        if (s.isBlank() && !pattern.isBlank()) {
                            out.add(Problem.warning(q.file(), t.lineOf(patternLang), "text in '" + lang + "' formats to nothing for " + args));
                            break;
                        }
                    }
                } catch (IllegalArgumentException e) {
                    out.add(Problem.error(q.file(), t.lineOf(patternLang), "text in '" + lang + "' does not format: "
                            + e.getMessage().replaceAll("\\s*\\[at pattern index \\d+\\]", "")));
                }
            }
        }
    }

    private static Object sample(NodeIndex index, String name, Object number) {
        if (name.equals("iteration") || name.startsWith("count_")) {
            return number instanceof Long ? number : 2L;
        }
        Node n = index.node(name);
        if (n != null && n.kind().isNumeric()) {
            return number;
        }
        return "Sample";
    }
}
