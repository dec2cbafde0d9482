package be.buurtstem.engine.input;

import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Renderer;

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
        if (i < 0 && key.length() >= 4) {
            i = uniquePrefix(own, key);
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
