package be.buurtstem.analysis.coding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes clean sentences look like residents' answers, reproducibly, to measure a coder on what a public data set does
 * not have: short answers (the first few words), typos, missing accents, and words of another language mixed in.
 * The same id and seed give the same text. Pure.
 *
 * <p>Mixing takes words from the same sentence in another language (parallel data such as SIB-200, where an id is
 * the same sentence in every language), at the same relative position, as a bilingual resident would switch.
 */
public final class Perturber {
    /** How much of each perturbation: all off is the identity. */
    public record Level(int minWords, int maxWords, double typoRate, boolean dropAccents, double mixRate) {
        /** The first 3–8 words only. */
        public static final Level SHORT = new Level(3, 8, 0, false, 0);
        /** Short, with a typo in one word of six, accents dropped and one word of five from the other language. */
        public static final Level NOISY = new Level(3, 8, 1 / 6.0, true, 0.2);
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final long seed;

    public Perturber(long seed) {
        this.seed = seed;
    }

    /**
     * The perturbed text of sentence {@code id}; {@code other} is the same sentence in another language (or null: no
     * mixing).
     */
    public String perturb(String id, String text, String other, Level level) {
        Random r = new Random(seed * 31 + id.hashCode());
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        if (level.maxWords() > 0 && words.size() > level.minWords()) {
            int n = level.minWords() + r.nextInt(level.maxWords() - level.minWords() + 1);
            words = new ArrayList<>(words.subList(0, Math.min(n, words.size())));
        }
        String[] others = other == null || other.isBlank() ? new String[0] : other.strip().split("\\s+");
        int full = text.strip().split("\\s+").length;
        for (int i = 0; i < words.size(); i++) {
            if (others.length > 0 && r.nextDouble() < level.mixRate()) {
                int j = Math.min(others.length - 1, (int) Math.round((double) i * others.length / full));
                words.set(i, others[j]);
            }
            if (r.nextDouble() < level.typoRate()) {
                words.set(i, typo(words.get(i), r));
            }
        }
        String out = String.join(" ", words);
        if (level.dropAccents()) {
            out = dropAccents(out);
        }
        return out;
    }

    /** One typing slip: a letter left out, doubled, swapped with the next, or replaced by another. */
    static String typo(String w, Random r) {
        if (w.length() < 3) {
            return w;
        }
        int i = 1 + r.nextInt(w.length() - 2);
        StringBuilder b = new StringBuilder(w);
        switch (r.nextInt(4)) {
            case 0 -> b.deleteCharAt(i);
            case 1 -> b.insert(i, w.charAt(i));
            case 2 -> {
                b.setCharAt(i, w.charAt(i + 1));
                b.setCharAt(i + 1, w.charAt(i));
            }
            default -> {
                char c = w.charAt(i);
                if (c < 128 && Character.isLetter(c)) {
                    b.setCharAt(i, LETTERS.charAt(r.nextInt(LETTERS.length())));
                } else {
                    b.deleteCharAt(i); // a letter of another script: left out rather than replaced by a Latin one
                }
            }
        }
        return b.toString();
    }

    /** Latin letters without their accents (é → e, ç → c, ş → s); other scripts as they are. */
    static String dropAccents(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                out.append(MARKS.matcher(Normalizer.normalize(ch, Normalizer.Form.NFD)).replaceAll(""));
            } else {
                out.append(ch);
            }
            i += Character.charCount(cp);
        }
        return out.toString().replace('ı', 'i');
    }
}
