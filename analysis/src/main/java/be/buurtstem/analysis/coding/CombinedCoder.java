package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The coder the service uses: the categorizer's score and the keyword coder's evidence combined per theme as
 * {@code 1 − (1 − m)(1 − κ·k)} (κ = {@value #KEYWORD_WEIGHT}), coded against a threshold per theme chosen on held-out
 * data. Without a trained categorizer it is the keyword coder (cold start). With one, it codes the themes the
 * categorizer learnt. Immutable and thread-safe.
 */
public final class CombinedCoder implements ThemeCoder {
    static final double KEYWORD_WEIGHT = 0.5;

    private final KeywordCoder keywords;
    private final CategorizerCoder categorizer;
    private final Thresholds thresholds;
    private final String version;
    private final Set<String> themes;

    public CombinedCoder(KeywordCoder keywords, CategorizerCoder categorizer, Thresholds thresholds) {
        if (keywords == null && categorizer == null) {
            throw new IllegalArgumentException("a combined coder needs a keyword coder, a categorizer or both");
        }
        this.keywords = keywords;
        this.categorizer = categorizer;
        this.thresholds = thresholds;
        this.version = (categorizer != null ? categorizer.version() : "untrained") + (keywords != null ? "+" + keywords.version() : "");
        this.themes = categorizer != null ? categorizer.themes() : keywords.themes();
    }

    /** The cold-start coder: keywords only, threshold 0.5. */
    public static CombinedCoder coldStart(KeywordCoder keywords) {
        return new CombinedCoder(keywords, null, Thresholds.uniform(0.5));
    }

    @Override
    public String id() {
        return "combined";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<String> themes() {
        return new LinkedHashSet<>(themes);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public KeywordCoder keywordCoder() {
        return keywords;
    }

    public CategorizerCoder categorizer() {
        return categorizer;
    }

    @Override
    public Coding code(AnalyzedText text) {
        return Coding.of(id(), version, scores(text), thresholds);
    }

    public Map<String, Double> scores(AnalyzedText text) {
        Map<String, Double> k = keywords == null ? Map.of() : keywords.scores(text);
        if (categorizer == null) {
            return k;
        }
        return combine(categorizer.scores(text), k);
    }

    static Map<String, Double> combine(Map<String, Double> model, Map<String, Double> keyword) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : model.entrySet()) {
            double kw = keyword.getOrDefault(e.getKey(), 0.0);
            out.put(e.getKey(), 1 - (1 - e.getValue()) * (1 - KEYWORD_WEIGHT * kw));
        }
        return out;
    }
}
