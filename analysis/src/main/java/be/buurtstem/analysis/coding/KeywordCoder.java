package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;
import be.buurtstem.analysis.text.TextNormaliser;
import be.buurtstem.analysis.text.TextPipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cold-start coder: the codebook's keywords per language, matched as sequences of terms (stems with accents
 * folded; Arabizi skeletons), so one form per word is enough and a phrase matches whatever its inflection.
 * The keywords of the detected language, of the language the resident chose and of Latin-script Arabic (which mixes
 * into any Latin-script answer) are looked for. Each distinct keyword found adds evidence: confidence
 * {@code 1 − Π(1 − w)} with w = {@value #WORD_WEIGHT} for a word and {@value #PHRASE_WEIGHT} for a phrase, so one
 * hit codes the theme at the default threshold 0.5. Immutable and thread-safe.
 */
public final class KeywordCoder implements ThemeCoder {
    static final double WORD_WEIGHT = 0.65;
    static final double PHRASE_WEIGHT = 0.8;

    private record Keyword(String theme, String text, List<String> terms) {
    }

    private final String version;
    private final Set<String> themes;
    /** language → first term → keywords starting with it */
    private final Map<String, Map<String, List<Keyword>>> index = new HashMap<>();

    public KeywordCoder(Codebook codebook) {
        this.version = "codebook-" + codebook.version();
        Set<String> ids = new LinkedHashSet<>();
        for (Codebook.Theme t : codebook.themes()) {
            ids.add(t.id());
            for (Map.Entry<String, List<String>> e : t.keywords().entrySet()) {
                String lang = e.getKey();
                Map<String, List<Keyword>> byFirst = index.computeIfAbsent(lang, k -> new HashMap<>());
                for (String kw : e.getValue()) {
                    List<String> terms = TextPipeline.analyzeIn(kw, lang).terms();
                    if (!terms.isEmpty()) {
                        byFirst.computeIfAbsent(terms.get(0), k -> new ArrayList<>()).add(new Keyword(t.id(), kw, terms));
                    }
                }
            }
        }
        this.themes = Set.copyOf(ids);
    }

    @Override
    public String id() {
        return "keyword";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<String> themes() {
        return themes;
    }

    @Override
    public Coding code(AnalyzedText text) {
        return Coding.of(id(), version, scores(text), Thresholds.uniform(0.5));
    }

    /** Confidence per theme with at least one keyword found. */
    public Map<String, Double> scores(AnalyzedText text) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return scores;
        }
        Set<String> seen = new HashSet<>();
        for (String lang : languagesFor(text)) {
            Map<String, List<Keyword>> byFirst = index.get(lang);
            if (byFirst == null) {
                continue;
            }
            List<String> terms = termsIn(text, lang);
            for (int i = 0; i < terms.size(); i++) {
                List<Keyword> candidates = byFirst.get(terms.get(i));
                if (candidates == null) {
                    continue;
                }
                for (Keyword k : candidates) {
                    if (matchesAt(terms, i, k.terms()) && seen.add(k.theme() + "\u0000" + k.text())) {
                        double w = k.terms().size() > 1 ? PHRASE_WEIGHT : WORD_WEIGHT;
                        scores.merge(k.theme(), w, (a, b) -> 1 - (1 - a) * (1 - b));
                    }
                }
            }
        }
        return scores;
    }

    private static boolean matchesAt(List<String> terms, int i, List<String> phrase) {
        if (i + phrase.size() > terms.size()) {
            return false;
        }
        for (int j = 1; j < phrase.size(); j++) {
            if (!terms.get(i + j).equals(phrase.get(j))) {
                return false;
            }
        }
        return true;
    }

    private List<String> languagesFor(AnalyzedText text) {
        List<String> langs = new ArrayList<>(3);
        String detected = text.language().language();
        langs.add(detected);
        String chosen = text.language().chosen();
        if (chosen != null && !langs.contains(chosen)) {
            langs.add(chosen);
        }
        if (!langs.contains("ar-Latn")) {
            langs.add("ar-Latn");
        }
        return langs;
    }

    /** The answer's terms as the keywords of {@code lang} were made: re-stemmed when lang is not the detected one. */
    private static List<String> termsIn(AnalyzedText text, String lang) {
        String detected = text.language().language();
        if (lang.equals(detected)) {
            return text.terms();
        }
        boolean arabizi = lang.equals("ar-Latn");
        if (TextNormaliser.primary(lang).equals(TextNormaliser.primary(detected)) && !arabizi && !detected.equals("ar-Latn")) {
            return text.terms();
        }
        List<String> out = new ArrayList<>(text.words().size());
        for (String w : text.words()) {
            out.add(TextPipeline.term(w, lang, arabizi));
        }
        return out;
    }
}
