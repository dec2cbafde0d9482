package be.buurtstem.content;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme codebook and the synthetic seed examples (docs/codebook-format.md). */
class CodebookTest {

    static final List<String> KEYWORD_LANGUAGES = List.of("nl", "fr", "ar", "ar-Latn", "tr", "en");

    /** Keywords deliberately shared by two themes (keyword → themes). Empty: every keyword points to one theme. */
    static final Map<String, Set<String>> SHARED_ON_PURPOSE = Map.of();

    static Map<String, Object> codebook;
    static List<Map<String, Object>> themes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() {
        codebook = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Bundled.codebook());
        themes = (List<Map<String, Object>>) codebook.get("themes");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object o) {
        return (List<String>) o;
    }

    @Test
    void header() {
        assertEquals(1, codebook.get("version"));
        assertEquals(Content.LANGUAGES, codebook.get("languages"));
        assertEquals(Set.of("version", "languages", "themes"), codebook.keySet());
    }

    @Test
    void fifteenToThirtyThemesWithUniqueIds() {
        assertTrue(themes.size() >= 15 && themes.size() <= 30, themes.size() + " themes");
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> t : themes) {
            String id = (String) t.get("id");
            assertTrue(id.matches("[a-z][a-z0-9_]*"), id);
            assertTrue(ids.add(id), "duplicate theme id " + id);
            assertEquals(Set.of("id", "label", "description", "keywords"), t.keySet(), id);
        }
    }

    @Test
    void labelsAndDescriptionsInAllFiveLanguages() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> t : themes) {
            for (String key : List.of("label", "description")) {
                Map<String, Object> texts = map(t.get(key));
                if (!texts.keySet().equals(Set.copyOf(Content.LANGUAGES))) {
                    problems.add(t.get("id") + "." + key + " has " + texts.keySet());
                }
                texts.forEach((lang, v) -> {
                    String s = (String) v;
                    if (s == null || s.isBlank() || s.contains("\n")) {
                        problems.add(t.get("id") + "." + key + "." + lang + " must be one non-empty line");
                    } else if (lang.equals("ar") && Content.firstStrong(s) != 'R') {
                        problems.add(t.get("id") + "." + key + ".ar must read right-to-left: " + s);
                    } else if (lang.equals("ar") && s.matches(".*[?,;].*")) {
                        problems.add(t.get("id") + "." + key + ".ar uses Latin punctuation: " + s);
                    } else if (key.equals("description") && s.split("\\s+").length > 20) {
                        problems.add(t.get("id") + ".description." + lang + " is longer than one short line");
                    }
                });
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void keywordsForEveryLanguageIncludingLatinScriptArabic() {
        List<String> problems = new ArrayList<>();
        int digitsForLetters = 0;
        for (Map<String, Object> t : themes) {
            Map<String, Object> kw = map(t.get("keywords"));
            if (!kw.keySet().equals(Set.copyOf(KEYWORD_LANGUAGES))) {
                problems.add(t.get("id") + ".keywords has " + kw.keySet());
                continue;
            }
            for (String lang : KEYWORD_LANGUAGES) {
                List<String> words = list(kw.get(lang));
                if (words.size() < 5) {
                    problems.add(t.get("id") + ".keywords." + lang + " has only " + words.size());
                }
                if (new HashSet<>(words).size() != words.size()) {
                    problems.add(t.get("id") + ".keywords." + lang + " repeats a keyword");
                }
                for (String w : words) {
                    if (w.isBlank() || !w.equals(w.strip()) || !w.equals(w.toLowerCase(Locale.ROOT))) {
                        problems.add(t.get("id") + "." + lang + ": '" + w + "' must be trimmed lower case");
                    }
                    boolean arabicScript = w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
                    boolean latinScript = w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
                    if (lang.equals("ar") && (!arabicScript || latinScript)) {
                        problems.add(t.get("id") + ".ar: '" + w + "' is not in Arabic script");
                    }
                    if (!lang.equals("ar") && (arabicScript || !latinScript)) {
                        problems.add(t.get("id") + "." + lang + ": '" + w + "' is not in Latin script");
                    }
                    if (lang.equals("ar-Latn") && w.matches(".*[a-z][3579].*|.*[3579][a-z].*")) {
                        digitsForLetters++;
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(digitsForLetters >= 30, "Darija as typed uses digits for letters (3 ع, 7 ح, 9 ق, 5 خ): " + digitsForLetters);
    }

    /** Folds case, accents and width, as a matcher would, so that "Café" and "cafe" count as the same keyword. */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).strip();
    }

    @Test
    void noKeywordPointsToTwoThemes() {
        Map<String, Set<String>> owners = new HashMap<>();
        for (Map<String, Object> t : themes) {
            map(t.get("keywords")).forEach((lang, words) -> list(words).forEach(
                    w -> owners.computeIfAbsent(fold(w), k -> new java.util.TreeSet<>()).add((String) t.get("id"))));
        }
        Map<String, Set<String>> shared = new LinkedHashMap<>();
        owners.forEach((w, ids) -> {
            if (ids.size() > 1 && !ids.equals(SHARED_ON_PURPOSE.get(w))) {
                shared.put(w, ids);
            }
        });
        assertEquals(Map.of(), shared);
    }

    @Test
    void seedExamplesAreSyntheticShortAndCoverEveryThemeInEveryLanguage() {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> themeIds = new HashSet<>();
        themes.forEach(t -> themeIds.add((String) t.get("id")));
        Map<String, Integer> perThemeLanguage = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int lines = 0;
        int darija = 0;
        int multi = 0;
        for (String line : Bundled.seedExamples().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            JsonNode o = json.readTree(line);
            String id = o.path("id").asString();
            String text = o.path("text").asString();
            String lang = o.path("language").asString();
            if (!ids.add(id)) {
                problems.add("duplicate id " + id);
            }
            if (!texts.add(text)) {
                problems.add("duplicate text " + text);
            }
            if (!o.path("synthetic").isBoolean() || !o.path("synthetic").booleanValue()) {
                problems.add(id + " is not marked \"synthetic\": true");
            }
            if (text.isBlank() || text.split("\\s+").length > 25) {
                problems.add(id + " should be a short chat answer");
            }
            if (!KEYWORD_LANGUAGES.contains(lang)) {
                problems.add(id + " has language " + lang);
            }
            boolean arabicScript = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
            if (lang.equals("ar") != arabicScript) {
                problems.add(id + ": script does not match language " + lang + ": " + text);
            }
            if (lang.equals("ar-Latn")) {
                darija++;
            }
            JsonNode th = o.path("themes");
            if (!th.isArray() || th.isEmpty()) {
                problems.add(id + " has no themes");
            }
            if (th.size() > 1) {
                multi++;
            }
            for (JsonNode t : th) {
                if (!themeIds.contains(t.asString())) {
                    problems.add(id + " has unknown theme " + t.asString());
                }
                String baseLang = lang.startsWith("ar") ? "ar" : lang;
                perThemeLanguage.merge(t.asString() + "/" + baseLang, 1, Integer::sum);
            }
        }
        for (String theme : themeIds) {
            for (String lang : Content.LANGUAGES) {
                int n = perThemeLanguage.getOrDefault(theme + "/" + lang, 0);
                if (n < 8 || n > 15) {
                    problems.add(theme + "/" + lang + " has " + n + " examples (about ten wanted)");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(darija >= themeIds.size() * 3, "Latin-script Darija in the Arabic examples: " + darija);
        assertTrue(lines >= themeIds.size() * 5 * 10, lines + " examples");
        assertTrue(multi >= 10, "some answers touch two themes: " + multi);
    }
}
