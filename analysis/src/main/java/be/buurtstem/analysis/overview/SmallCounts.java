package be.buurtstem.analysis.overview;

import java.util.ArrayList;
import java.util.List;

/**
 * Small groups protected: a count of 1 to 4 in a segment's cell is shown as "fewer than 5", so that a resident cannot
 * be singled out ("the one resident of the Noord area under 18 said..."). Zero is shown (nobody to single out). When
 * only one cell of a row is hidden while the row's total is shown, it could be found by subtraction, so the smallest
 * other non-zero cell is hidden too.
 */
public final class SmallCounts {
    public static final int MIN = 5;

    private SmallCounts() {
    }

    public static boolean small(int n) {
        return n > 0 && n < MIN;
    }

    public static Overview.Count one(int n) {
        return new Overview.Count(n, small(n));
    }

    /** The cells of a row whose total is shown. */
    public static List<Overview.Count> row(List<Integer> cells) {
        List<Overview.Count> out = new ArrayList<>(cells.size());
        int hidden = 0;
        for (int n : cells) {
            Overview.Count c = one(n);
            hidden += c.hidden() ? 1 : 0;
            out.add(c);
        }
        if (hidden == 1) {
            int smallest = -1;
            for (int i = 0; i < out.size(); i++) {
                Overview.Count c = out.get(i);
                if (!c.hidden() && c.n() > 0 && (smallest < 0 || c.n() < out.get(smallest).n())) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                out.set(smallest, new Overview.Count(out.get(smallest).n(), true));
            }
        }
        return List.copyOf(out);
    }
}
