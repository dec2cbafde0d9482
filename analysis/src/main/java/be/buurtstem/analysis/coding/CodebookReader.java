package be.buurtstem.analysis.coding;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a codebook YAML (docs/codebook-format.md). The only I/O is in {@link #read(Path)} and {@link #bundled()}. */
public final class CodebookReader {
    /** Where the content module puts the bundled codebook on the classpath. */
    public static final String BUNDLED = "/be/buurtstem/content/codebook.yaml";
    private static final Pattern THEME_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private CodebookReader() {
    }

    public static Codebook read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The codebook bundled in the content module, or null when it is not on the classpath. */
    public static Codebook bundled() throws IOException {
        try (InputStream in = CodebookReader.class.getResourceAsStream(BUNDLED)) {
            return in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled codebook");
        }
    }

    /** Parses codebook YAML; {@link IllegalArgumentException} names the problem. */
    public static Codebook parse(String yaml, String source) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(source + ": a codebook is a mapping with version, languages, themes");
        }
        int version = root.get("version") instanceof Number n ? n.intValue() : 0;
        List<String> languages = strings(root.get("languages"), source + ": languages");
        if (!(root.get("themes") instanceof List<?> themes)) {
            throw new IllegalArgumentException(source + ": themes must be a list");
        }
        List<Codebook.Theme> out = new ArrayList<>();
        for (Object t : themes) {
            if (!(t instanceof Map<?, ?> m) || !(m.get("id") instanceof String id)) {
                throw new IllegalArgumentException(source + ": every theme needs an id");
            }
            if (!THEME_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(source + ": theme id \"" + id + "\" must match [a-z][a-z0-9_]*");
            }
            Map<String, List<String>> keywords = new LinkedHashMap<>();
            if (m.get("keywords") instanceof Map<?, ?> kw) {
                for (Map.Entry<?, ?> e : kw.entrySet()) {
                    keywords.put(String.valueOf(e.getKey()), strings(e.getValue(), source + ": " + id + " keywords " + e.getKey()));
                }
            }
            out.add(new Codebook.Theme(id, textMap(m.get("label")), textMap(m.get("description")), keywords));
        }
        return new Codebook(version, languages, out);
    }

    private static List<String> strings(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object x : list) {
            out.add(String.valueOf(x));
        }
        return out;
    }

    private static Map<String, String> textMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
