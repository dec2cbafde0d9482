package be.buurtstem.analysis.text;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Latin-script Arabic ("Arabizi"), Darija as typed in Brussels: digits stand for Arabic letters (3 ع, 7 ح, 9 ق,
 * 2 ء, 5 خ, 8 غ, 6 ط) and spellings vary (bzaf, bezaf, bzzaf; chwiya, shwiya). Recognised and folded to one
 * spelling skeleton, so that keywords and features match across spellings. Pure and thread-safe.
 */
public final class Arabizi {
    /** A token mixing Latin letters with the digits used for Arabic letters. */
    private static final Pattern DIGIT_LETTER = Pattern.compile("(?=.*[a-z])(?=.*[235679])[a-z0-9']{2,}");
    /** Ordinals, units and ages that mix digits and letters in European languages. */
    private static final Pattern EUROPEAN = Pattern.compile(
            "\\d+(e|er|ere|ème|eme|de|ste|th|st|nd|rd|h|u|m|km|min|ans|an|jaar|j|x|k|kg|g|cm|mm|yo|ci|nci|inci|uncu|üncü|ıncı|ncı|sn|dk)");

    /**
     * Frequent Darija words in their skeleton form (see {@link #key}), chosen not to collide with common Dutch, French,
     * English or Turkish words.
     */
    private static final Set<String> LEXICON = Set.of(
            "bzaf", "wash", "dial", "mzian", "mashi", "walakin", "kain", "bghit", "bghina", "khasna", "khas", "zbl",
            "drari", "shi", "ghir", "daba", "wakha", "lhuma", "huma", "zanka", "shwia", "hadshi", "kifash", "alash",
            "hna", "tahaja", "bnadm", "lwlad", "wlad", "ktar", "kbir", "sghir", "mshkil", "mashakil", "lkhdma", "khdma",
            "flus", "lflus", "zwin", "khaib", "bzf", "hta", "nta", "nti", "ntuma", "ahna", "dyalna", "dialna", "andna",
            "andhum", "lhukuma", "lbladia", "lhay", "lhadika", "jnan", "lmdrasa", "mdrasa", "lkra", "tmshi", "nmshiu",
            "shabab", "shbab", "lmuhim", "safi", "iwa", "iak", "mnin", "fash", "wakila", "lwakt", "wakt", "kaynin",
            "dima", "walu", "zahma", "kulshi", "lila", "ghali", "sbitar", "tbib", "mrida", "kainash", "andi", "andish",
            "lina", "lia", "dialhum", "sghar", "kbar", "lkbar", "tfal", "briat", "blasa", "mn", "f", "w", "hdshi",
            "drt", "ghadi", "gha", "rah", "raha", "diali", "dialk", "mama", "baba", "khuia", "khti", "bnt", "wld");
    /**
     * Darija verb and noun shapes: the present prefixes ka-/ta- before a verb (kaymchiw, katjib, kanfhamch), the
     * negation ending -ch/-sh after ma (kaynach, ma 3andich), and the article l- glued to a noun starting with a
     * consonant (lbanka, lkhedma, lwifi), which Dutch, French, English and Turkish words do not do.
     */
    private static final Pattern SHAPE = Pattern.compile("ka[inty][a-z]{3,}|l[bcdfghjkmnpqrstvwxz][a-z]{2,}");
    /** The negation ending, counted only after {@code ma} (ma kanfhamch, ma 3andich, ma l9itch). */
    private static final Pattern NEGATED = Pattern.compile("[a-z0-9]{2,}(ch|sh)");
    /** Frequent words of the other languages that have a Darija shape. */
    private static final Set<String> NOT_DARIJA = Set.of("kanton", "kantoor", "kanten", "kantine", "kates", "match", "fresh",
            "british", "english", "wash", "wish", "fish", "dish", "push", "rush", "cash", "bush", "flash", "crash", "lunch",
            "much", "such", "which", "each", "rich", "touch", "teach", "reach", "beach", "search", "speech", "church",
            "watch", "catch", "tech", "coach", "niche", "riche", "marche", "douche", "mouche", "bouche", "proche", "poche",
            "tache", "vache", "fiche", "sauce", "lycee", "kitsch", "tosh", "mensch", "mench");

    private Arabizi() {
    }

    /** True for a token such as {@code 3la}, {@code l7ay}, {@code wa9ila}; false for {@code 2e}, {@code 5km}, {@code 1990}. */
    public static boolean isArabiziToken(String token) {
        return DIGIT_LETTER.matcher(token).matches() && !EUROPEAN.matcher(token).matches();
    }

    /** True when the token is a frequent Darija word (in any of its spellings) or an Arabizi digit-letter token. */
    public static boolean isMarker(String token) {
        return isArabiziToken(token) || LEXICON.contains(key(token))
                || (SHAPE.matcher(token).matches() && !NOT_DARIJA.contains(token) && !NOT_DARIJA.contains(Stemmers.foldAccents(token)));
    }

    /** {@link #isMarker(String)}, or a negated verb right after {@code ma}. */
    static boolean isMarker(String previous, String token) {
        return isMarker(token) || ("ma".equals(previous) && NEGATED.matcher(token).matches());
    }

    /**
     * The share of tokens that mark Darija, 0 when there are none. With two or more markers and a share of at least
     * 0.3 (or one marker in a one- or two-word answer) the text is taken as Latin-script Arabic.
     */
    public static double markerShare(List<String> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        int markers = 0;
        String previous = null;
        for (String t : tokens) {
            if (isMarker(previous, t)) {
                markers++;
            }
            previous = t;
        }
        double share = (double) markers / tokens.size();
        boolean enough = markers >= 2 || tokens.size() <= 2;
        return enough ? share : Math.min(share, 0.29);
    }

    /**
     * The spelling skeleton of a (lower-case) token: digits to letters (2 dropped, 3→a, 5→kh, 6→t, 7→h, 8→gh, 9→k),
     * q→k, ch→sh, ou→u, y→i, e dropped (the unwritten short vowel), doubled letters collapsed.
     * {@code l7adi9a → lhadika}, {@code 3la → ala}, {@code bezzaf → bzaf}, {@code chwiya → shwia}.
     */
    public static String key(String token) {
        StringBuilder b = new StringBuilder(token.length() + 2);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char next = i + 1 < token.length() ? token.charAt(i + 1) : 0;
            switch (c) {
                case '2', '\'' -> { }
                case '3' -> b.append('a');
                case '5' -> b.append("kh");
                case '6' -> b.append('t');
                case '7' -> b.append('h');
                case '8' -> b.append("gh");
                case '9', 'q' -> b.append('k');
                case 'y' -> b.append('i');
                case 'e' -> {
                    if (token.length() == 1) {
                        b.append('e');
                    }
                }
                case 'c' -> {
                    if (next == 'h') {
                        b.append('s');
                    } else {
                        b.append('k');
                    }
                }
                case 'o' -> {
                    if (next == 'u') {
                        b.append('u');
                        i++;
                    } else {
                        b.append('u');
                    }
                }
                default -> b.append(c);
            }
        }
        // collapse doubled letters
        StringBuilder out = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.isEmpty() ? token : out.toString();
    }
}
