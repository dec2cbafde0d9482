package be.buurtstem.analysis.buurtkaart;

import java.util.ArrayList;
import java.util.List;

/**
 * Places labels apart, greedily in the order asked: each label takes the first of its candidate boxes that overlaps
 * nothing placed before (labels, dots, the home) and stays on the canvas; when every candidate collides, the one with
 * the least overlap. Candidates are tried nearest first, so a label stays beside its dot while there is room; on a
 * crowded map it moves out further, which is what a reader of a hand-drawn buurtkaart would do too.
 */
public final class LabelPlacer {
    private final Box canvas;
    private final List<Box> taken = new ArrayList<>();

    public LabelPlacer(Box canvas) {
        this.canvas = canvas;
    }

    /** Something a label must not cover (a dot, the home, a legend). */
    public void block(Box box) {
        taken.add(box);
    }

    /** The chosen box among the candidates (nearest first); it blocks later labels. */
    public Box place(List<Box> candidates) {
        Box best = null;
        double bestCost = Double.MAX_VALUE;
        for (Box c : candidates) {
            double cost = cost(c);
            if (cost == 0) {
                best = c;
                break;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        taken.add(best);
        return best;
    }

    private double cost(Box c) {
        double cost = c.inside(canvas) ? 0 : c.width() * c.height(); // off the canvas: as bad as covering a label
        for (Box t : taken) {
            cost += c.overlap(t);
        }
        return cost;
    }

    /**
     * Candidate boxes for a label of this size beside a point: first on the side away from {@code (cx, cy)} (outward
     * from the home), then the other sides, then the same ring of positions further out, step by step.
     */
    public static List<Box> around(double x, double y, double gap, double width, double height, double cx, double cy) {
        List<Box> out = new ArrayList<>();
        boolean right = x >= cx;
        boolean below = y >= cy;
        for (int step = 0; step < 8; step++) {
            double g = gap + step * height * 0.9;
            Box outwardSide = right ? new Box(x + g, y - height / 2, width, height)
                    : new Box(x - g - width, y - height / 2, width, height);
            Box outwardEnd = below ? new Box(x - width / 2, y + g, width, height)
                    : new Box(x - width / 2, y - g - height, width, height);
            Box inwardEnd = below ? new Box(x - width / 2, y - g - height, width, height)
                    : new Box(x - width / 2, y + g, width, height);
            Box inwardSide = right ? new Box(x - g - width, y - height / 2, width, height)
                    : new Box(x + g, y - height / 2, width, height);
            Box diagonal = new Box(right ? x + g * 0.7 : x - g * 0.7 - width,
                    below ? y + g * 0.7 : y - g * 0.7 - height, width, height);
            out.addAll(List.of(outwardSide, outwardEnd, diagonal, inwardEnd, inwardSide));
        }
        return out;
    }
}
