package be.buurtstem.analysis.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Latin-script Arabic ("Arabizi"), Darija as typed in Brussels: digits stand for Arabic letters (3 ع, 7 ح, 9 ق,
 * 2 ء, 5 خ, 8 ه, 6 ط) and spellings vary (bzaf, bezaf, bzzaf; chwiya, shwiya). Recognised and folded to one
 * spelling skeleton, so that keywords and features match across spellings. Pure and thread-safe; the word list is
 * read from the classpath once, when the class loads. Figures on real sentences: analysis/docs/coding.md.
 */
public final class Arabizi {
    /** A token mixing Latin letters with the digits used for Arabic letters. */
    private static final Pattern DIGIT_LETTER = Pattern.compile("(?=.*[a-z])(?=.*[2356789])[a-z0-9']{2,}");
    /** Ordinals, units and ages that mix digits and letters in European languages. */
    private static final Pattern EUROPEAN = Pattern.compile(
            "\\d+(e|er|ere|ème|eme|de|ste|th|st|nd|rd|h|u|m|km|min|ans|an|jaar|j|x|k|kg|g|cm|mm|yo|ci|nci|inci|uncu|üncü|ıncı|ncı|sn|dk|s)"
            + "|\\d+h\\d+"); // 1960s, 90s; 11h20

    /**
     * Darija words of residents' answers about their neighbourhood (written by the team), in any spelling: they are
     * {@link #key keyed} when the class loads.
     */
    private static final List<String> NEIGHBOURHOOD_WORDS = List.of(
            "bzaf", "wash", "dial", "mzian", "mashi", "walakin", "kain", "bghit", "bghina", "khasna", "khas", "zbl",
            "drari", "shi", "ghir", "daba", "wakha", "lhuma", "huma", "zanka", "shwia", "hadshi", "kifash", "alash",
            "hna", "tahaja", "bnadm", "lwlad", "wlad", "ktar", "kbir", "sghir", "mshkil", "mashakil", "lkhdma", "khdma",
            "flus", "lflus", "zwin", "khaib", "bzf", "hta", "nta", "nti", "ntuma", "ahna", "dyalna", "dialna", "andna",
            "andhum", "lhukuma", "lbladia", "lhay", "lhadika", "jnan", "lmdrasa", "mdrasa", "lkra", "tmshi", "nmshiu",
            "shabab", "shbab", "lmuhim", "safi", "iwa", "iak", "mnin", "fash", "wakila", "lwakt", "wakt", "kaynin",
            "dima", "walu", "zahma", "kulshi", "lila", "ghali", "sbitar", "tbib", "mrida", "kainash", "andi", "andish",
            "lina", "lia", "dialhum", "sghar", "kbar", "lkbar", "tfal", "briat", "blasa", "mn", "f", "w", "hdshi",
            "drt", "ghadi", "gha", "rah", "raha", "diali", "dialk", "mama", "baba", "khuia", "khti", "bnt", "wld");
    /** The resource of frequent Darija words derived from the Darija Open Dataset (see the file's header). */
    static final String LEXICON_RESOURCE = "darija-lexicon.txt";
    /** Frequent Darija words, by skeleton: the derived lexicon and the neighbourhood words. */
    private static final Set<String> LEXICON = lexicon();
    /**
     * Darija verb and noun shapes: the present prefixes ka-, ta- and the future gha- before a verb's consonant
     * (kaymchiw, katjib, tanmchi, ghanmchi; not Turkish kanun, kayak), the negation ma-…-ch glued to a verb
     * (mabghitch, makaynch), and the article l- glued to a noun starting with a consonant (lbanka, lkhedma, lwifi),
     * which Dutch, French, English and Turkish words rarely do.
     */
    private static final Pattern SHAPE = Pattern.compile(
            "ka[inty][^aeiouy][a-z]{2,}|(gha|ta)[nty][^aeiouy][a-z]{2,}|ma[a-z]{3,}(ch|sh)|l[bcdfghjkmnpqrstvwxz][a-z]{2,}");
    /** The negation ending, counted only after {@code ma} (ma kanfhamch, ma 3andich, ma l9itch). */
    private static final Pattern NEGATED = Pattern.compile("[a-z0-9]{2,}(ch|sh)");
    /** Frequent words of the other languages that have a Darija shape. */
    private static final Set<String> NOT_DARIJA = Set.of("kanton", "kantoor", "kanten", "kantine", "kates", "match", "fresh",
            "british", "english", "wash", "wish", "fish", "dish", "push", "rush", "cash", "bush", "flash", "crash", "lunch",
            "much", "such", "which", "each", "rich", "touch", "teach", "reach", "beach", "search", "speech", "church",
            "watch", "catch", "tech", "coach", "niche", "riche", "marche", "douche", "mouche", "bouche", "proche", "poche",
            "tache", "vache", "fiche", "sauce", "lycee", "kitsch", "tosh", "mensch", "mench");

    /**
     * Common French, Dutch, English and Turkish words whose skeleton is a Darija word ({@code mon} and {@code mn}
     * "from", {@code would} and {@code wld} "boy", {@code me} and {@code ma}): never a marker by the lexicon. General
     * function words and frequent short words of those languages, not taken from the data the figures are measured on.
     */
    private static final Set<String> COMMON_OTHER = Set.copyOf(List.of( // one list, words shared by languages repeat
            // French
            "a", "à", "au", "aux", "ce", "ces", "ça", "de", "des", "du", "en", "et", "il", "ils", "elle", "elles", "je",
            "la", "le", "les", "leur", "leurs", "ma", "me", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on",
            "ou", "où", "par", "pas", "pour", "qui", "que", "quoi", "sa", "se", "ses", "si", "son", "sur", "ta", "te",
            "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "m'a", "l'a", "c'est", "n'a", "j'ai",
            "mais", "donc", "car", "très", "tout", "tous", "toute", "bien", "mal", "plus", "moins", "rien", "dans",
            "avec", "sans", "chez", "entre", "vers", "fait", "faire", "dit", "mettre", "met", "mis", "ici", "là",
            "aussi", "alors", "quand", "comme", "encore", "jamais", "toujours", "beaucoup", "trop", "peu", "non", "oui",
            "merci", "ville", "rue", "rues", "quartier", "maison", "école", "ecole", "gens", "enfants", "jeunes",
            // Dutch
            "aan", "al", "als", "bij", "dan", "dat", "de", "die", "dit", "door", "een", "en", "er", "geen", "het", "hier",
            "hij", "hem", "haar", "ik", "in", "is", "je", "jij", "kan", "kun", "maar", "me", "mij", "mijn", "men", "met",
            "na", "naar", "niet", "uw", "nog", "nu", "of", "om", "ons", "onze", "ook", "op", "over", "te", "tot", "u", "uit",
            "van", "veel", "voor", "want", "was", "wat", "we", "wel", "wie", "wij", "zal", "ze", "zij", "zijn", "zo",
            "zou", "heel", "hun", "wil", "moet", "mag", "daar", "waar", "buurt", "straat", "wijk", "meer", "minder",
            // English
            "an", "and", "are", "as", "at", "be", "but", "by", "do", "for", "from", "had", "has", "have", "he", "her",
            "him", "his", "how", "i", "if", "it", "its", "my", "no", "nor", "not", "of", "on", "one", "or", "our", "she",
            "so", "than", "that", "the", "their", "them", "then", "there", "they", "this", "to", "too", "up", "us",
            "very", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
            "could", "should", "you", "your", "nice", "much", "many", "more", "less", "all", "any", "some", "here",
            "now", "just", "only", "also", "again", "well", "need", "want", "like", "make", "made", "cash", "shop",
            "machine", "home", "house", "area", "street", "road",
            // Turkish
            "bir", "bu", "şu", "o", "ve", "da", "de", "ki", "mi", "mı", "mu", "mü", "ne", "ben", "sen", "biz", "siz",
            "onlar", "var", "yok", "çok", "az", "için", "ile", "ama", "gibi", "daha", "en", "her", "hiç", "kadar",
            "sonra", "önce", "şimdi", "yani", "iyi", "kötü", "evet", "hayır", "lütfen", "teşekkür", "ev", "yol", "sokak",
            // Turkish words from Arabic, shared with Darija
            "hatta", "daima", "dair", "halk", "hal", "kalp", "sabah", "hayat", "hava", "dünya", "zaman", "insan",
            "kitap", "millet", "devlet", "belki", "tamam", "hep", "sadece", "bazı", "kadar", "mahalle", "cami"));

    private Arabizi() {
    }

    private static Set<String> lexicon() {
        Set<String> words = new HashSet<>();
        for (String w : NEIGHBOURHOOD_WORDS) {
            words.add(key(w));
        }
        try (InputStream in = Arabizi.class.getResourceAsStream(LEXICON_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON_RESOURCE + " is not on the classpath (analysis module resources)");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LEXICON_RESOURCE, e);
        }
        return Set.copyOf(words);
    }

    /** True when {@code skeleton} (a {@link #key}) is a frequent Darija word. */
    static boolean inLexicon(String skeleton) {
        return LEXICON.contains(skeleton);
    }

    /** True for a token such as {@code 3la}, {@code l7ay}, {@code wa9ila}; false for {@code 2e}, {@code 5km}, {@code 1990}. */
    public static boolean isArabiziToken(String token) {
        return DIGIT_LETTER.matcher(token).matches() && !EUROPEAN.matcher(token).matches();
    }

    /**
     * True when the token is an Arabizi digit-letter token, or a frequent Darija word (in any of its spellings) or
     * Darija shape that is not a single letter, a common word of the other languages or a word with an apostrophe.
     */
    public static boolean isMarker(String token) {
        if (isArabiziToken(token)) {
            return true;
        }
        if (token.indexOf('\'') >= 0 || COMMON_OTHER.contains(token) || token.length() < 2) {
            return false; // l'atome, d'accord: French elisions, which the detector sees before French normalisation
        }
        return LEXICON.contains(key(token))
                || (SHAPE.matcher(token).matches() && !NOT_DARIJA.contains(token) && !NOT_DARIJA.contains(Stemmers.foldAccents(token)));
    }

    /** {@link #isMarker(String)}, or a negated verb right after {@code ma}. */
    static boolean isMarker(String previous, String token) {
        return isMarker(token) || ("ma".equals(previous) && NEGATED.matcher(token).matches());
    }

    /**
     * The share of tokens that mark Darija, 0 when there are none. With two or more markers and a share of at least
     * 0.3 (or one marker in a one- or two-word answer) the text is taken as Latin-script Arabic. Fewer than two markers
     * in a longer answer give at most 0.29: one Darija-looking word in a French sentence is not enough.
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
     * The spelling skeleton of a (lower-case) token, so that the spellings of one word meet: digits to letters (2 and
     * apostrophes dropped, 5 → kh, 6 → t, 7 and 8 → h, 9 → k; 3, the letter ع, stays {@code 3}), q → k, ch → sh,
     * th → t, ou, w and u → u, y → i, French gu before a vowel → g; the short vowels a, e and o are dropped inside the
     * word and kept (a/e as a, o as u) at its start and end; doubled letters collapsed. {@code klb}, {@code kalb},
     * {@code kelb} → {@code klb}; {@code l7adi9a}, {@code lhadiqa} → {@code lhdika}; {@code bzaf}, {@code bezzaf} →
     * {@code bzf}; {@code chwiya}, {@code shwiya} → {@code shuia}. Chosen on the Darija Open Dataset's variant lists
     * (analysis/docs/coding.md): vowels inside a word are what its spellings disagree on most; the letters at the
     * ends tell words apart more often than they vary.
     */
    public static String key(String token) {
        int n = token.length();
        StringBuilder b = new StringBuilder(n + 2);
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            char next = i + 1 < n ? token.charAt(i + 1) : 0;
            switch (c) {
                case '2', '\'', '-' -> { }
                case '5' -> b.append("kh");
                case '6' -> b.append('t');
                case '7', '8' -> b.append('h');
                case '9', 'q' -> b.append('k');
                case 'y' -> b.append('i');
                case 'w', 'u' -> b.append('u');
                case 'c' -> {
                    if (next == 'h') {
                        b.append("sh");
                        i++;
                    } else {
                        b.append('k');
                    }
                }
                case 't' -> {
                    b.append('t');
                    if (next == 'h') {
                        i++; // th for ث
                    }
                }
                case 'g' -> {
                    b.append('g');
                    if (next == 'u' && i + 2 < n && "aeiy".indexOf(token.charAt(i + 2)) >= 0) {
                        i++; // French spelling: taguia
                    }
                }
                case 'o' -> {
                    if (next == 'u' || next == 'w') {
                        b.append('u');
                        i++;
                    } else {
                        b.append('o');
                    }
                }
                default -> b.append(c);
            }
        }
        // short vowels: dropped inside, kept at the ends; then doubled letters collapsed
        StringBuilder out = new StringBuilder(b.length());
        int last = b.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = b.charAt(i);
            if (c == 'a' || c == 'e' || c == 'o') {
                if (i == 0) {
                    c = 'a';
                } else if (i == last) {
                    c = c == 'o' ? 'u' : 'a';
                } else {
                    continue;
                }
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.isEmpty() ? token : out.toString();
    }
}
