package be.buurtstem.analysis.overview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The columns of a closed question's counts: its options or scale values in the file's order (then any value only an
 * older version had), or for a number the values seen, in ranges of equal width when there are more than
 * {@link #MAX_NUMBERS} (ages 18 to 93 make eight ranges, not 60 bars).
 */
record Columns(List<String> keys, Map<String, String> columnOf) {
    static final int MAX_NUMBERS = 10;
    static final int RANGES = 8;

    static Columns of(Question q, Collection<String> seen) {
        if (q.type() == Question.Type.NUMBER) {
            return numbers(seen);
        }
        List<String> keys = new ArrayList<>(q.values());
        new TreeSet<>(seen).stream().filter(v -> !keys.contains(v)).forEach(keys::add);
        Map<String, String> of = new HashMap<>();
        keys.forEach(k -> of.put(k, k));
        return new Columns(List.copyOf(keys), of);
    }

    private static Columns numbers(Collection<String> seen) {
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        for (String s : seen) {
            try {
                parsed.put(s, new BigDecimal(s));
            } catch (NumberFormatException e) {
                // not a number (should not happen): left out of the ranges
            }
        }
        List<String> sorted = parsed.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .toList();
        Map<String, String> of = new HashMap<>();
        if (sorted.size() <= MAX_NUMBERS) {
            sorted.forEach(k -> of.put(k, k));
            return new Columns(sorted, of);
        }
        double lo = parsed.get(sorted.getFirst()).doubleValue();
        double hi = parsed.get(sorted.getLast()).doubleValue();
        boolean whole = parsed.values().stream().allMatch(b -> b.stripTrailingZeros().scale() <= 0);
        double width = (hi - lo) / RANGES;
        if (whole) {
            width = Math.max(1, Math.ceil((hi - lo + 1) / RANGES));
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < RANGES; i++) {
            double from = lo + i * width;
            double to = whole ? from + width - 1 : from + width;
            if (from > hi) {
                break;
            }
            keys.add(format(from, whole) + "–" + format(Math.min(to, hi), whole));
        }
        for (String k : sorted) {
            double v = parsed.get(k).doubleValue();
            int i = width == 0 ? 0 : (int) Math.min(keys.size() - 1, Math.floor((v - lo) / width));
            of.put(k, keys.get(i));
        }
        return new Columns(List.copyOf(keys), of);
    }

    private static String format(double v, boolean whole) {
        return whole ? Long.toString(Math.round(v)) : BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** The sum of the counts whose value falls in {@code column}. */
    int sum(String column, Map<String, Integer> counts) {
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (column.equals(columnOf.get(e.getKey()))) {
                n += e.getValue();
            }
        }
        return n;
    }
}
