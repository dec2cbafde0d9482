package be.buurtstem.engine.load;

import be.buurtstem.engine.kinds.KindHandler;
import be.buurtstem.engine.kinds.Kinds;
import be.buurtstem.engine.model.Kind;

import java.util.Locale;
import java.util.Set;

/** For a misspelt {@code kind}: the kind it most likely meant, to suggest it and to read the node on as that kind. */
final class KindGuess {
    private KindGuess() {
    }

    /** The known kind closest to the word (a typo, a space or dash for the underscore), or null when none is close. */
    static String nearest(String word) {
        String w = word.toLowerCase(Locale.ROOT).strip().replace(' ', '_').replace('-', '_');
        if (Kinds.named(w) != null) {
            return w;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (KindHandler<?> k : Kinds.all()) {
            int d = distance(w.replace("_", ""), k.name().replace("_", ""));
            if (d < bestDistance) {
                bestDistance = d;
                best = k.name();
            }
        }
        return bestDistance <= Math.max(1, w.length() / 3) ? best : null;
    }

    /** The kind to read the node as: the nearest word, or else one that fits its keys. */
    static Kind guess(String word, Set<String> keys) {
        String near = nearest(word);
        if (near != null) {
            return Kinds.named(near).kind();
        }
        if (keys.contains("options")) {
            return Kind.SINGLE_CHOICE;
        }
        return keys.contains("nodes") ? Kind.REPEAT : Kind.FREE_TEXT;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
