package be.buurtstem.analysis.buurtkaart;

import java.util.List;

/**
 * Where everything of one map goes on a square picture, in pixels: the home at the centre, the four rings' outer
 * radii (innermost first), a sector per domain, a dot per actor, an arrow per actor that gives or receives, and the
 * label boxes (placed apart). The renderer only draws what this says.
 */
public record MapLayout(double size, double centerX, double centerY, double homeRadius, List<Double> rings,
                        List<Sector> sectors, List<Dot> dots, List<Arrow> arrows, List<Label> labels) {
    public MapLayout {
        rings = List.copyOf(rings);
        sectors = List.copyOf(sectors);
        dots = List.copyOf(dots);
        arrows = List.copyOf(arrows);
        labels = List.copyOf(labels);
    }

    /** A domain's slice, angles in radians clockwise from twelve o'clock; its name's lines in {@code label}. */
    public record Sector(Domain domain, double from, double to, Label label) {
    }

    /** An actor's dot; its colour comes from the actor's valence. */
    public record Dot(Actor actor, double x, double y, double radius) {
    }

    /**
     * A line between the home's edge and an actor's dot: a head at the actor when the resident gives, at the home
     * when they receive, both when mutual, none when not answered; {@code width} is thicker for more influence.
     */
    public record Arrow(Actor actor, double homeX, double homeY, double actorX, double actorY, boolean headAtActor,
                        boolean headAtHome, double width) {
    }

    /** Lines of text in a box (top-left corner, size). */
    public record Label(List<String> lines, Box box) {
        public Label {
            lines = List.copyOf(lines);
        }
    }
}
