package be.buurtstem.engine.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff of two texts ({@code -} only in the expected, {@code +} only in the actual, with three lines of
 * context and the line numbers of the expected file), so that a failing golden test says what changed without a tool.
 */
public final class LineDiff {
    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    public static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        // longest common subsequence, from the end: the files are a few hundred lines at most
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        record Line(char op, int at, String text) {
        }
        List<Line> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                all.add(new Line(' ', i + 1, a.get(i)));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                all.add(new Line('-', i + 1, a.get(i))); // the old line first, then its replacement
                i++;
            } else {
                all.add(new Line('+', i + 1, b.get(j)));
                j++;
            }
        }
        StringBuilder out = new StringBuilder();
        int shownUpTo = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).op() == ' ') {
                continue;
            }
            int from = Math.max(Math.max(0, k - CONTEXT), shownUpTo + 1);
            if (from > shownUpTo + 1) {
                out.append("@@ line ").append(all.get(from).at()).append('\n');
            }
            int to = k;
            // extend over the following changes that are close enough to share the context
            for (int m = k; m < all.size() && m <= to + 2 * CONTEXT; m++) {
                if (all.get(m).op() != ' ') {
                    to = m;
                }
            }
            int end = Math.min(all.size() - 1, to + CONTEXT);
            for (int m = from; m <= end; m++) {
                out.append(all.get(m).op()).append(' ').append(all.get(m).text()).append('\n');
            }
            shownUpTo = end;
            k = end;
        }
        return out.toString();
    }
}
