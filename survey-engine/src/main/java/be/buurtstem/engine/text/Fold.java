package be.buurtstem.engine.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;

/**
 * Folds typed text to a matching key, so that what a resident types on any keyboard matches a label:
 * case, accents, width variants (full-width Latin), Arabic diacritics and letter variants, Arabic-Indic digits
 * and punctuation do not matter. Used only for matching; answers keep exactly what was typed.
 */
public final class Fold {
    // NFKC + case folding in one pass: full-width letters, ligatures and case become one form.
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    // Then decompose so that accents and Arabic harakat/hamza become separate marks we can drop.
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private Fold() {
    }

    public static String key(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = NFD.normalize(NFKC_CF.normalize(s));
        StringBuilder b = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            int type = UCharacter.getType(cp);
            if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                    || type == UCharacterCategory.FORMAT || cp == 0x0640 /* tatweel: stretching only */
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF) /* skin tones: 👍🏽 means 👍 */) {
                continue;
            }
            int digit = UCharacter.getType(cp) == UCharacterCategory.DECIMAL_DIGIT_NUMBER ? UCharacter.digit(cp, 10) : -1;
            if (digit >= 0) {
                cp = '0' + digit;
            } else {
                cp = letter(cp);
            }
            if (UCharacter.isLetterOrDigit(cp) || type == UCharacterCategory.OTHER_SYMBOL
                    || type == UCharacterCategory.MATH_SYMBOL || type == UCharacterCategory.MODIFIER_SYMBOL) {
                if (space && !b.isEmpty()) {
                    b.append(' ');
                }
                space = false;
                b.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    /** Letter variants people use interchangeably when typing. */
    private static int letter(int cp) {
        return switch (cp) {
            case 0x0671 -> 0x0627;          // alef wasla → alef (hamza forms already lost their mark in NFD)
            case 0x0629 -> 0x0647;          // ta marbuta → ha: often typed without dots
            case 0x0649 -> 0x064A;          // alef maqsura → ya
            case 0x06CC -> 0x064A;          // Farsi ya → Arabic ya
            case 0x06A9 -> 0x0643;          // keheh → kaf
            case 0x0131 -> 'i';             // Turkish dotless i: "hayir" must match "hayır"
            default -> cp;
        };
    }

    /**
     * Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up above {@code bound}
     * so that long inputs cost little. Returns {@code bound + 1} when the distance is larger.
     */
    public static int distance(String a, String b, int bound) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > bound) {
            return bound + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], bound + 1);
    }

    /** How many typos we forgive: none in short words (too many false friends), one up to 7 letters, then two. */
    public static int typoBound(String folded) {
        int n = folded.length();
        return n <= 3 ? 0 : n <= 7 ? 1 : 2;
    }
}
