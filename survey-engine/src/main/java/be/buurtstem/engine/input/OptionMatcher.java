package be.buurtstem.engine.input;

import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Renderer;
import be.buurtstem.engine.text.SystemTexts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the option a resident meant in what they typed: the option number, the label in their language
 * (or in any other language of the file: people mix), the id, the emoji, a unique beginning of a label, or
 * a label with a small typo. Built once per node; immutable afterwards, so thread-safe.
 */
public final class OptionMatcher {
    private final List<Option> options;
    /** language → folded label per option index */
    private final Map<String, String[]> labels = new HashMap<>();
    private final String[] ids;
    private final String[] emoji;
    /** The one option that means yes (id "yes", or a label that begins with "Ja", "Oui", …), -1 none, -2 several. */
    private final int yesOption;
    /** Likewise for no. */
    private final int noOption;

    public OptionMatcher(Node node, List<String> languages, Renderer renderer) {
        this.options = node.options();
        int n = options.size();
        ids = new String[n];
        emoji = new String[n];
        for (int i = 0; i < n; i++) {
            Option o = options.get(i);
            ids[i] = Fold.key(o.id().replace('_', ' '));
            emoji[i] = o.emoji() == null ? null : Fold.key(o.emoji());
        }
        for (String lang : languages) {
            String[] folded = new String[n];
            for (int i = 0; i < n; i++) {
                folded[i] = Fold.key(renderer.label(options.get(i), lang));
            }
            labels.put(lang, folded);
        }
        int yes = saying("yes");
        int no = saying("no");
        // "👍 Ja / Niet voor mij": two options, one of them affirmative, means the other one is the negative
        // (and the other way round), unless the file marks it otherwise.
        if (n == 2 && yes >= 0 && no == -1 && options.get(1 - yes).means() == null) {
            no = 1 - yes;
        } else if (n == 2 && no >= 0 && yes == -1 && options.get(1 - no).means() == null) {
            yes = 1 - no;
        }
        yesOption = yes;
        noOption = no;
    }

    /**
     * The option marked {@code means: yes} (or no); else the one whose id is "yes"/"no", whose emoji is 👍 (or 👎),
     * or whose label (in any language) begins with the plain word ("Ja", "👍 Oui, ça compte", "لا يهمّني"); -1 none, -2 several. Only the
     * plain word: "Liever niet zeggen" is not "no".
     */
    private int saying(String kind) {
        int marked = -1;
        for (int i = 0; i < options.size(); i++) {
            if (kind.equals(options.get(i).means())) {
                marked = marked == -1 ? i : -2;
            }
        }
        if (marked != -1) {
            return marked;
        }
        java.util.Set<String> words = SystemTexts.get().firstWords(kind);
        int found = -1;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).means() != null) {
                continue;
            }
            // the id, an emoji that says it (👍 / 👎 on the button), or the label's first word
            boolean says = ids[i].equals(kind) || emoji[i] != null && !emoji[i].isEmpty()
                    && !emoji[i].chars().allMatch(Character::isDigit)
                    && Boolean.valueOf(kind.equals("yes")).equals(Words.yesNo(emoji[i], ""));
            for (String[] folded : labels.values()) {
                says |= folded[i] != null && words.contains(firstWord(folded[i]));
            }
            if (says) {
                found = found == -1 ? i : -2;
            }
        }
        return found;
    }

    /** The first word of a folded label, after any emoji or symbols in front of it ("👍 ja" → "ja"). */
    private static String firstWord(String folded) {
        for (String part : folded.split(" ")) {
            if (part.codePoints().anyMatch(Character::isLetter)) {
                return part;
            }
        }
        return "";
    }

    /**
     * The option a bare yes or no word chooses ("nee", "neen", "non", "لا", "hayir", "nope"), when the question has
     * exactly one affirmative (or negative) option; else null.
     *
     * @param key the folded message
     */
    public Option yesNo(String key, String lang) {
        Boolean yes = Words.yesNo(key, lang);
        if (yes == null) {
            return null;
        }
        int i = yes ? yesOption : noOption;
        return i >= 0 ? options.get(i) : null;
    }

    /**
     * The longest yes/no word (or words: "ja hoor", "no thanks") a folded text begins with, or null. Single letters
     * ("y", "n") are left out: "y a pas de bus" is French, not yes.
     */
    private static String leadingWord(String key, java.util.Set<String> words) {
        String[] parts = key.split(" ");
        String best = null;
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < Math.min(3, parts.length); k++) {
            if (k > 0) {
                b.append(' ');
            }
            b.append(parts[k]);
            String candidate = b.toString();
            if (candidate.length() >= 2 && words.contains(candidate)) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The option a longer typed message is about, for "ja, de bus is altijd te laat": the option whose label (in
     * any language of the file; the longest one) begins the message, or that a leading yes/no word names, as long
     * as the rest of the message names no other option; or else the one option whose label the message contains as
     * whole words. Null when there is none, or when the message names more than one ("soms of nooit"): the resident
     * is asked again. For messages of more than one word, after {@link #match} found nothing.
     *
     * @param key the folded message
     */
    public Option within(String key) {
        if (key.indexOf(' ') < 0) {
            return null;
        }
        int lead = -1;
        int leadLength = 0;
        boolean tie = false;
        for (String[] folded : labels.values()) {
            for (int i = 0; i < folded.length; i++) {
                String label = folded[i];
                if (label == null || label.isEmpty() || !key.startsWith(label + " ") || label.length() < leadLength) {
                    continue;
                }
                if (label.length() > leadLength) {
                    tie = false;
                    lead = i;
                    leadLength = label.length();
                } else if (lead != i) {
                    tie = true;
                }
            }
        }
        if (tie) {
            return null;
        }
        if (lead < 0) {
            String yes = leadingWord(key, SystemTexts.get().allWords("yes"));
            String no = leadingWord(key, SystemTexts.get().allWords("no"));
            if (yes != null && no == null) {
                lead = yesOption;
                leadLength = yes.length();
            } else if (no != null && yes == null) {
                lead = noOption;
                leadLength = no.length();
            } else if (yes != null) {
                return null;
            }
            if (leadLength > 0 && lead < 0) {
                // "nee, ..." where no single option says no: do not guess from words further on.
                return null;
            }
        }
        String rest = " " + key.substring(leadLength).strip() + " ";
        java.util.Set<Integer> named = new java.util.TreeSet<>();
        for (String[] folded : labels.values()) {
            for (int i = 0; i < folded.length; i++) {
                if (folded[i] != null && !folded[i].isEmpty() && rest.contains(" " + folded[i] + " ")) {
                    named.add(i);
                }
            }
        }
        if (lead >= 0) {
            named.remove(lead);
            return named.isEmpty() ? options.get(lead) : null;
        }
        return named.size() == 1 ? options.get(named.iterator().next()) : null;
    }

    /** The option for a typed text in the conversation language, or null. */
    public Option match(String typed, String lang) {
        return match(Fold.key(typed), lang, true);
    }

    /** Like {@link #match(String, String)} on an already folded text; {@code numbers}: accept "2" for option 2. */
    public Option match(String key, String lang, boolean numbers) {
        if (key.isEmpty()) {
            return null;
        }
        int n = options.size();
        if (numbers && key.length() <= 3 && key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int k = Integer.parseInt(key);
            if (k >= 1 && k <= n) {
                return options.get(k - 1);
            }
        }
        String[] own = labels.get(lang);
        if (own == null) {
            own = labels.values().stream().findFirst().orElse(new String[n]);
        }
        int i = exact(own, key);
        if (i < 0) {
            for (String[] other : labels.values()) {
                if ((i = exact(other, key)) >= 0) {
                    break;
                }
            }
        }
        if (i < 0) {
            i = exact(ids, key);
        }
        if (i < 0) {
            i = exact(emoji, key);
        }
        if (i < 0 && (yesOption >= 0 || noOption >= 0)) {
            // A bare yes/no word before any typo guess: "neen" is "no", not a label one letter away.
            Option o = yesNo(key, lang);
            if (o != null) {
                return o;
            }
        }
        if (i < 0 && key.length() >= 4) {
            i = uniquePrefix(own, key);
            if (i < 0) {
                // The beginning of a label in another language ("rond het" in an English conversation).
                int found = -1;
                for (String[] other : labels.values()) {
                    int j = uniquePrefix(other, key);
                    if (j >= 0 && found >= 0 && j != found) {
                        found = -2;
                        break;
                    }
                    if (j >= 0 && found != -2) {
                        found = j;
                    }
                }
                i = Math.max(found, -1);
            }
        }
        if (i < 0) {
            i = closest(own, key);
        }
        if (i < 0) {
            List<String> all = new ArrayList<>();
            for (String[] other : labels.values()) {
                if (other != own) {
                    int j = closest(other, key);
                    if (j >= 0 && !all.contains(ids[j])) {
                        all.add(ids[j]);
                        i = j;
                    }
                }
            }
            if (all.size() > 1) {
                i = -1;
            }
        }
        return i < 0 ? null : options.get(i);
    }

    private static int exact(String[] folded, String key) {
        for (int i = 0; i < folded.length; i++) {
            if (key.equals(folded[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int uniquePrefix(String[] folded, String key) {
        int found = -1;
        for (int i = 0; i < folded.length; i++) {
            if (folded[i] != null && folded[i].startsWith(key)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** The one label within the typo bound; ties mean we do not guess. */
    private static int closest(String[] folded, String key) {
        int bestIndex = -1;
        int best = Integer.MAX_VALUE;
        boolean tie = false;
        for (int i = 0; i < folded.length; i++) {
            if (folded[i] == null || folded[i].isEmpty()) {
                continue;
            }
            int bound = Math.min(Fold.typoBound(folded[i]), Fold.typoBound(key));
            if (bound == 0) {
                continue;
            }
            int d = Fold.distance(key, folded[i], bound);
            if (d <= bound) {
                if (d < best) {
                    best = d;
                    bestIndex = i;
                    tie = false;
                } else if (d == best) {
                    tie = true;
                }
            }
        }
        return tie ? -1 : bestIndex;
    }
}
