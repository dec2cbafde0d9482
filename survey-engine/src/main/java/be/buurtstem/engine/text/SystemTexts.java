package be.buurtstem.engine.text;

import be.buurtstem.engine.model.Text;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's built-in texts and command words, read once from {@code system-texts.yaml} on the class path
 * (a resource, so that translators can improve them without touching code).
 */
public final class SystemTexts {
    /** Command ids, also accepted as button ids with or without a leading "/". */
    public static final Set<String> COMMANDS = Set.of("stop", "back", "skip", "language", "help", "delete", "mydata");

    private static final SystemTexts INSTANCE = load();

    private final Map<String, Text> texts;
    /** word kind (yes, no, done, stop, ...) → language → folded words */
    private final Map<String, Map<String, List<String>>> words;
    /** folded word → command id, over every language */
    private final Map<String, String> commandByWord;
    private final Map<String, Set<String>> allWords;

    private SystemTexts(Map<String, Text> texts, Map<String, Map<String, List<String>>> words) {
        this.texts = texts;
        this.words = words;
        Map<String, String> byWord = new HashMap<>();
        for (String command : COMMANDS) {
            for (List<String> list : words.getOrDefault(command, Map.of()).values()) {
                for (String w : list) {
                    byWord.putIfAbsent(w, command);
                }
            }
        }
        this.commandByWord = Map.copyOf(byWord);
        Map<String, Set<String>> all = new HashMap<>();
        words.forEach((kind, byLang) -> {
            java.util.Set<String> set = new java.util.HashSet<>();
            byLang.values().forEach(set::addAll);
            all.put(kind, Set.copyOf(set));
        });
        this.allWords = Map.copyOf(all);
    }

    public static SystemTexts get() {
        return INSTANCE;
    }

    public Map<String, Text> texts() {
        return texts;
    }

    /** The built-in text for a key, or null. */
    public Text text(String key) {
        return texts.get(key);
    }

    /** The command a whole folded message names, in any language, or null. */
    public String command(String folded) {
        return commandByWord.get(folded);
    }

    /** Folded words of a kind in one language. */
    public List<String> words(String kind, String language) {
        return words.getOrDefault(kind, Map.of()).getOrDefault(Locales.base(language), List.of());
    }

    /** The first (plain) word of a kind in each language: "ja", "oui", "نعم", "evet", "yes" for yes. */
    public Set<String> firstWords(String kind) {
        Set<String> out = new java.util.HashSet<>();
        for (List<String> list : words.getOrDefault(kind, Map.of()).values()) {
            if (!list.isEmpty()) {
                out.add(list.get(0));
            }
        }
        return Set.copyOf(out);
    }

    /** Folded words of a kind in every language. */
    public Set<String> allWords(String kind) {
        return allWords.getOrDefault(kind, Set.of());
    }

    @SuppressWarnings("unchecked")
    private static SystemTexts load() {
        try (InputStream in = SystemTexts.class.getResourceAsStream("/be/buurtstem/engine/system-texts.yaml")) {
            if (in == null) {
                throw new IllegalStateException("system-texts.yaml missing from the class path");
            }
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Text> texts = new LinkedHashMap<>();
            ((Map<String, Map<String, String>>) root.get("texts")).forEach((k, v) -> texts.put(k, Text.of(v)));
            Map<String, Map<String, List<String>>> words = new HashMap<>();
            ((Map<String, Map<String, List<String>>>) root.get("words")).forEach((kind, byLang) -> {
                Map<String, List<String>> folded = new HashMap<>();
                byLang.forEach((lang, list) -> {
                    List<String> f = new ArrayList<>();
                    for (String w : list) {
                        String key = Fold.key(w);
                        if (!key.isEmpty()) {
                            f.add(key);
                        }
                    }
                    folded.put(lang, Collections.unmodifiableList(f));
                });
                words.put(kind, Map.copyOf(folded));
            });
            return new SystemTexts(Collections.unmodifiableMap(texts), Map.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
