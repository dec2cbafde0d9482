package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features the document categorizer sees, made from an {@link AnalyzedText}: terms (stems), term bigrams, and
 * character n-grams of the normalised words (for typos and the many spellings of Darija). A constant bias feature is
 * always there, so an empty answer still gets a score. Written as e.g. {@code terms+bigrams+chars3-5}; the default,
 * {@code terms+chars4-4}, was chosen by measurement (analysis/docs/coding.md).
 */
public record FeatureSet(boolean terms, boolean bigrams, int charMin, int charMax) {
    public static final FeatureSet DEFAULT = new FeatureSet(true, false, 4, 4);

    public FeatureSet {
        if (charMin < 0 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("character n-grams must be within 1-8, min <= max");
        }
    }

    /** Parses {@code terms+bigrams+chars3-5} (any subset, in any order). */
    public static FeatureSet parse(String spec) {
        boolean t = false;
        boolean b = false;
        int cmin = 0;
        int cmax = 0;
        for (String part : spec.toLowerCase(Locale.ROOT).split("[+,]")) {
            String p = part.strip();
            if (p.equals("terms")) {
                t = true;
            } else if (p.equals("bigrams")) {
                b = true;
            } else if (p.matches("chars\\d-\\d")) {
                cmin = p.charAt(5) - '0';
                cmax = p.charAt(7) - '0';
            } else if (!p.isEmpty()) {
                throw new IllegalArgumentException("unknown feature \"" + p + "\": use terms, bigrams, charsN-M");
            }
        }
        return new FeatureSet(t, b, cmin, cmax);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (terms) {
            parts.add("terms");
        }
        if (bigrams) {
            parts.add("bigrams");
        }
        if (charMax > 0) {
            parts.add("chars" + charMin + "-" + charMax);
        }
        return String.join("+", parts);
    }

    /** The distinct features of one answer. */
    public String[] extract(AnalyzedText text) {
        List<String> ts = text.terms();
        Set<String> out = new LinkedHashSet<>(ts.size() * (charMax > 0 ? 8 : 3) + 1);
        out.add("bias");
        if (terms) {
            for (String t : ts) {
                out.add("t=" + t);
            }
        }
        if (bigrams) {
            for (int i = 1; i < ts.size(); i++) {
                out.add("b=" + ts.get(i - 1) + "_" + ts.get(i));
            }
        }
        if (charMax > 0) {
            StringBuilder w = new StringBuilder(24);
            for (String word : text.words()) {
                if (word.length() > 24) {
                    continue; // a pasted URL or a keyboard mash: no useful shape
                }
                w.setLength(0);
                w.append('<').append(word).append('>');
                int len = w.length();
                for (int n = charMin; n <= charMax; n++) {
                    for (int i = 0; i + n <= len; i++) {
                        out.add("c=" + w.substring(i, i + n));
                    }
                }
            }
        }
        return out.toArray(new String[0]);
    }
}
