package be.buurtstem.engine.run;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.EndNode;
import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.LocationNode;
import be.buurtstem.engine.model.MessageNode;
import be.buurtstem.engine.model.MultipleChoiceNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NumberNode;
import be.buurtstem.engine.model.PhotoNode;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.ScaleNode;
import be.buurtstem.engine.model.SingleChoiceNode;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.text.Locales;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Questions and stored answers in the resident's words, for "my data" (the engine's and the service's). */
public final class Describe {
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!؟:](\\s|$)");

    private Describe() {
    }

    /** A question's short form: its first line, or its first sentence when the line is long. */
    public static String shortForm(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        if (line.length() <= 60) {
            return line;
        }
        Matcher m = SENTENCE_END.matcher(line);
        if (m.find() && m.start() >= 8 && m.start() < 60) {
            return line.substring(0, m.start() + 1);
        }
        return line.substring(0, 59) + "…";
    }

    /** An answer value as shown: option labels, a language's name, a scale value, or the typed text. */
    public static String answer(Conversation conv, Node n, Object value, String typed, String lang) {
        String fallback = typed != null && !typed.isBlank() ? typed : value == null ? "" : String.valueOf(value);
        return switch (n) {
            case SingleChoiceNode single -> {
                Option o = value instanceof String id ? single.option(id) : null;
                yield o == null ? fallback : conv.renderer().label(o, lang);
            }
            case MultipleChoiceNode multiple -> {
                if (!(value instanceof List<?> ids)) {
                    yield fallback;
                }
                List<String> labels = new ArrayList<>();
                for (Object id : ids) {
                    Option o = multiple.option(String.valueOf(id));
                    labels.add(o == null ? String.valueOf(id) : conv.renderer().label(o, lang));
                }
                yield ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels);
            }
            case LanguageNode x -> value instanceof String tag ? Locales.nativeName(tag) : fallback;
            // The value itself, or what was typed, says it: a number, a text, a place, a photo's caption.
            case ConsentNode x -> fallback;
            case FreeTextNode x -> fallback;
            case ScaleNode x -> fallback;
            case NumberNode x -> fallback;
            case LocationNode x -> fallback;
            case PhotoNode x -> fallback;
            case MessageNode x -> fallback;
            case RepeatNode x -> fallback;
            case EndNode x -> fallback;
        };
    }

    /** In a right-to-left language each part of a line is isolated (FSI … PDI), so that Latin or digits keep their place. */
    public static String isolate(String s, String lang) {
        return Locales.isRtl(lang) ? "\u2068" + s + "\u2069" : s;
    }
}
