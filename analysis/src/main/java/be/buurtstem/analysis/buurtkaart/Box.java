package be.buurtstem.analysis.buurtkaart;

/** An axis-aligned rectangle on the picture: top-left corner, width and height, in pixels. */
public record Box(double x, double y, double width, double height) {
    public boolean overlaps(Box o) {
        return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }

    /** The area this box shares with another (0 when apart). */
    public double overlap(Box o) {
        double w = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
        double h = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    public boolean inside(Box o) {
        return x >= o.x && y >= o.y && x + width <= o.x + o.width && y + height <= o.y + o.height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }
}
