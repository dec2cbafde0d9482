package be.buurtstem.analysis.coding;

import java.util.List;
import java.util.Map;

/**
 * The theme codebook (docs/codebook-format.md): themes with labels, descriptions and seed keywords per language
 * ({@code ar-Latn} for Latin-script Arabic).
 */
public record Codebook(int version, List<String> languages, List<Theme> themes) {
    public Codebook {
        languages = List.copyOf(languages);
        themes = List.copyOf(themes);
    }

    public record Theme(String id, Map<String, String> label, Map<String, String> description, Map<String, List<String>> keywords) {
        public Theme {
            label = Map.copyOf(label);
            description = Map.copyOf(description);
            keywords = Map.copyOf(keywords);
        }
    }

    public List<String> themeIds() {
        return themes.stream().map(Theme::id).toList();
    }
}
