package be.buurtstem.engine.text;

import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Formats the texts of one questionnaire (and the system texts) with ICU MessageFormat. Patterns are compiled
 * once per language; a pattern without arguments is formatted once and kept as a string, which is what makes a
 * reply cheap. Thread-safe: the caches are filled per language, and a compiled MessageFormat (not thread-safe
 * itself) is used under its own lock.
 */
public final class Renderer {
    /** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private final Questionnaire q;
    private final SystemTexts system = SystemTexts.get();
    private final List<Text> allTexts;
    private final Set<String> tagsInFile;
    private final Map<String, Map<Text, Compiled>> byLanguage = new ConcurrentHashMap<>();
    private final Map<String, Compiled> systemCache = new ConcurrentHashMap<>();

    public Renderer(Questionnaire q) {
        this.q = q;
        this.allTexts = collect(q);
        this.tagsInFile = new java.util.HashSet<>(q.languages());
        for (Text t : allTexts) {
            tagsInFile.addAll(t.patterns().keySet());
        }
        for (String lang : q.languages()) {
            compiled(lang);
        }
    }

    /** A compiled pattern: either a constant or a format with its argument names. */
    private record Compiled(String constant, MessageFormat format, List<String> args) {
    }

    /** The language a conversation should use for a requested tag: itself if the file has it, else its base, else the default. */
    public String supportedLanguage(String requested) {
        String tag = requested == null ? "" : requested.trim();
        for (String l : q.languages()) {
            if (l.equalsIgnoreCase(tag)) {
                return l;
            }
        }
        for (String t : tagsInFile) {
            if (t.equalsIgnoreCase(tag) && q.languages().contains(Locales.base(t))) {
                return t;
            }
        }
        String base = Locales.base(tag).toLowerCase(java.util.Locale.ROOT);
        return q.languages().contains(base) ? base : q.defaultLanguage();
    }

    /** Renders a questionnaire text; {@code args} gives an argument's value by name (null → empty). */
    public String render(Text text, String lang, Function<String, Object> args) {
        if (text == null) {
            return "";
        }
        Compiled c = compiled(lang).get(text);
        if (c == null) {
            c = compile(resolve(text, lang), lang);
        }
        return format(c, lang, args);
    }

    /** Renders a system text: the questionnaire's override in this language first, then the built-in one. */
    public String system(String key, String lang, Map<String, Object> args) {
        Text override = q.texts().get(key);
        Text builtin = system.text(key);
        String base = Locales.base(lang);
        String pattern = first(override, lang, base);
        if (pattern == null) {
            pattern = first(builtin, lang, base);
        }
        if (pattern == null) {
            pattern = first(override, q.defaultLanguage(), null);
        }
        if (pattern == null) {
            pattern = first(builtin, q.defaultLanguage(), "en");
        }
        if (pattern == null) {
            return key;
        }
        final String chosen = pattern;
        Compiled c = systemCache.computeIfAbsent(key + '\u0000' + lang, k -> compile(new Resolved(chosen, lang), lang));
        return format(c, lang, args::get);
    }

    /** The text of an option's label, as shown (used for matching what residents type, and for answers). */
    public String label(Option o, String lang) {
        return o.label() == null ? o.id() : render(o.label(), lang, n -> null);
    }

    private static String first(Text t, String a, String b) {
        if (t == null) {
            return null;
        }
        String p = t.patterns().get(a);
        if (p == null && b != null) {
            p = t.patterns().get(b);
        }
        if (p == null) {
            p = t.patterns().get(Text.ANY);
        }
        return p;
    }

    private Map<Text, Compiled> compiled(String lang) {
        return byLanguage.computeIfAbsent(lang, l -> {
            Map<Text, Compiled> m = new IdentityHashMap<>();
            for (Text t : allTexts) {
                m.put(t, compile(resolve(t, l), l));
            }
            return m;
        });
    }

    private record Resolved(String pattern, String language) {
    }

    /** Finds the pattern along the chain nl-BE → nl → default → any. */
    private Resolved resolve(Text text, String lang) {
        if (text.neutral()) {
            return new Resolved(text.patterns().get(Text.ANY), lang);
        }
        for (String l : Locales.chain(lang, q.defaultLanguage())) {
            String p = text.patterns().get(l);
            if (p != null) {
                return new Resolved(p, l);
            }
        }
        for (Map.Entry<String, String> e : text.patterns().entrySet()) {
            return new Resolved(e.getValue(), e.getKey());
        }
        return new Resolved("", lang);
    }

    private static Compiled compile(Resolved r, String lang) {
        try {
            // Plural and select rules follow the language the pattern is written in (it may be a fallback).
            MessageFormat f = new MessageFormat(r.pattern(), ULocale.forLanguageTag(r.language()));
            List<String> args = new ArrayList<>(f.getArgumentNames());
            if (args.isEmpty()) {
                return new Compiled(f.format(Map.of()), null, List.of());
            }
            return new Compiled(null, f, List.copyOf(args));
        } catch (IllegalArgumentException e) {
            // The validator reports broken patterns; at run time the resident still sees the raw text.
            return new Compiled(r.pattern(), null, List.of());
        }
    }

    private static String format(Compiled c, String lang, Function<String, Object> args) {
        if (c.constant() != null) {
            return c.constant();
        }
        boolean rtl = Locales.isRtl(lang);
        Map<String, Object> values = new HashMap<>(c.args().size() * 2);
        for (String name : c.args()) {
            Object v = args.apply(name);
            if (v == null) {
                v = "";
            }
            if (rtl && v instanceof String s && !s.isEmpty()) {
                // In Arabic text, a Latin name or a number typed by the resident would otherwise pull its
                // neighbours into left-to-right order ("bidi spill"). First-strong isolates keep the value's
                // own direction without affecting the sentence around it (Unicode UAX #9, recommended over
                // embeddings/marks for inserted text; supported by Telegram, browsers and modern terminals).
                v = FSI + s + PDI;
            }
            values.put(name, v);
        }
        try {
            synchronized (c.format()) {
                return c.format().format(values);
            }
        } catch (IllegalArgumentException e) {
            return c.format().toPattern();
        }
    }

    /** Every text of the questionnaire, so that all can be compiled up front. */
    public static List<Text> collect(Questionnaire q) {
        List<Text> out = new ArrayList<>();
        add(out, q.title());
        add(out, q.description());
        q.texts().values().forEach(t -> add(out, t));
        collect(q.nodes(), out);
        return out;
    }

    private static void collect(List<Node> nodes, List<Text> out) {
        for (Node n : nodes) {
            add(out, n.text());
            add(out, n.help());
            add(out, n.yes());
            add(out, n.no());
            add(out, n.refused());
            add(out, n.more());
            n.labels().values().forEach(t -> add(out, t));
            for (Option o : n.options()) {
                add(out, o.label());
            }
            collect(n.nodes(), out);
        }
    }

    private static void add(List<Text> out, Text t) {
        if (t != null) {
            out.add(t);
        }
    }
}
