package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.Box;
import be.buurtstem.analysis.buurtkaart.Giving;
import be.buurtstem.analysis.buurtkaart.MapLayout;
import be.buurtstem.analysis.buurtkaart.MapLayouter;
import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.analysis.buurtkaart.Valence;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * A resident's own buurtkaart as a 1080 × 1080 PNG, readable on a phone: home at the centre, four closeness rings, a
 * sector per domain named in the resident's language, a dot per person or place in its valence's colour, arrows for
 * who gives to whom (thicker for more influence), and the legend below. Drawn from the answers when sent, never
 * stored (see {@code MapPictures}).
 */
public final class MapPicture {
    public static final int SIZE = 1080;
    /** The upper part holds the map; the legend fills the rest. */
    public static final int MAP_HEIGHT = 860;
    static final Font LABEL = MapFonts.regular(21f);
    static final Font SECTOR = MapFonts.bold(19f);
    static final Font LEGEND = MapFonts.regular(19f);
    static final Font TITLE = MapFonts.bold(28f);

    private MapPicture() {
    }

    /** The picture with the layout it drew (tests look for every actor where the layout put it). */
    public record Drawn(BufferedImage image, MapLayout layout, java.util.List<Written> legend, byte[] png) {
    }

    /** A text of the legend and where it was written. */
    public record Written(String text, Box box) {
    }

    public static byte[] png(NeighbourhoodMap map, MapLegend legend) {
        return draw(map, legend).png();
    }

    public static Drawn draw(NeighbourhoodMap map, MapLegend legend) {
        Canvas c = new Canvas(SIZE, legend.rightToLeft());
        MapLayout layout = MapLayouter.layout(map, SIZE, MAP_HEIGHT, c.measure(LABEL), c.measure(SECTOR),
                legend.domains());
        rings(c, layout);
        sectors(c, layout);
        for (MapLayout.Arrow a : layout.arrows()) {
            if (a.headAtActor() || a.headAtHome()) {
                c.arrow(a.homeX(), a.homeY(), a.actorX(), a.actorY(), a.headAtActor(), a.headAtHome(), a.width(),
                        MapColours.LINE);
            } else { // not answered: a thin plain line, so the dot still hangs from home
                c.arrow(a.homeX(), a.homeY(), a.actorX(), a.actorY(), false, false, 1, MapColours.GRID);
            }
        }
        c.house(layout.centerX(), layout.centerY(), layout.homeRadius());
        for (MapLayout.Dot d : layout.dots()) {
            c.dot(d.x(), d.y(), d.radius(), MapColours.of(d.actor().valence()), d.actor().influential());
        }
        for (MapLayout.Label l : layout.labels()) {
            label(c, l, LABEL, MapColours.INK, true);
        }
        if (map.isEmpty()) {
            double w = c.shape(legend.empty(), LABEL).width();
            c.text(legend.empty(), LABEL, MapColours.INK, (SIZE - w) / 2, layout.centerY() + layout.homeRadius() + 20);
        }
        java.util.List<Written> written = legend(c, legend);
        byte[] png = c.png();
        return new Drawn(c.image, layout, written, png);
    }

    private static void rings(Canvas c, MapLayout layout) {
        for (int i = 3; i >= 0; i--) {
            double r = layout.rings().get(i);
            Ellipse2D e = new Ellipse2D.Double(layout.centerX() - r, layout.centerY() - r, 2 * r, 2 * r);
            c.g.setColor(MapColours.RINGS[i]);
            c.g.fill(e);
            c.g.setColor(MapColours.GRID);
            c.g.setStroke(new java.awt.BasicStroke(1.5f));
            c.g.draw(e);
        }
    }

    private static void sectors(Canvas c, MapLayout layout) {
        double outer = layout.rings().getLast();
        c.g.setColor(MapColours.GRID);
        c.g.setStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[]{6f, 6f}, 0f));
        if (layout.sectors().size() > 1) {
            for (MapLayout.Sector s : layout.sectors()) {
                double x = layout.centerX() + Math.sin(s.from()) * outer;
                double y = layout.centerY() - Math.cos(s.from()) * outer;
                double hx = layout.centerX() + Math.sin(s.from()) * layout.homeRadius();
                double hy = layout.centerY() - Math.cos(s.from()) * layout.homeRadius();
                c.g.draw(new Line2D.Double(hx, hy, x, y));
            }
        }
        for (MapLayout.Sector s : layout.sectors()) {
            label(c, s.label(), SECTOR, MapColours.INK, false);
        }
        c.g.setStroke(new java.awt.BasicStroke(1f));
    }

    /** A label's lines in its box, each centred; a white card behind actor names so that lines do not cross them. */
    static void label(Canvas c, MapLayout.Label l, Font font, Color colour, boolean card) {
        Box b = l.box();
        if (card) {
            c.g.setColor(new Color(255, 255, 255, 220));
            c.g.fill(new RoundRectangle2D.Double(b.x() - 3, b.y(), b.width() + 6, b.height(), 8, 8));
        }
        double lineHeight = font.getSize2D() * 1.3;
        for (int i = 0; i < l.lines().size(); i++) {
            String line = l.lines().get(i);
            double w = c.shape(line, font).width();
            c.text(line, font, colour, b.x() + (b.width() - w) / 2, b.y() + i * lineHeight);
        }
    }

    private static java.util.List<Written> legend(Canvas c, MapLegend legend) {
        double margin = 36;
        c.g.setColor(MapColours.GRID);
        c.g.fill(new java.awt.geom.Rectangle2D.Double(margin, MAP_HEIGHT + 2, SIZE - 2 * margin, 1.5));
        LegendFlow flow = new LegendFlow(c, margin, SIZE - margin, MAP_HEIGHT + 8, 40);
        flow.entry(0, x -> { }, legend.title(), TITLE, MapColours.INK);
        flow.newLine();
        for (Valence v : Valence.values()) {
            flow.entry(22, x -> c.dot(x + 11, flow.middle(), 10, MapColours.of(v), false), legend.valences().get(v),
                    LEGEND, MapColours.INK);
        }
        flow.newLine();
        for (Giving g : java.util.List.of(Giving.I_GIVE, Giving.I_RECEIVE, Giving.BOTH)) {
            // drawn as on the map: the resident (home) on the start side, the other at the head
            boolean towardsOther = g != Giving.I_RECEIVE;
            boolean towardsMe = g != Giving.I_GIVE;
            flow.entry(44, x -> {
                double home = c.rightToLeft ? x + 44 : x;
                double other = c.rightToLeft ? x : x + 44;
                c.arrow(home, flow.middle(), other, flow.middle(), towardsOther, towardsMe, 2, MapColours.LINE);
            }, legend.givings().get(g), LEGEND, MapColours.INK);
        }
        flow.entry(44, x -> c.arrow(x, flow.middle(), x + 44, flow.middle(), false, false, 6, MapColours.LINE),
                legend.influence(), LEGEND, MapColours.INK);
        flow.newLine();
        flow.entry(0, x -> { }, legend.ringsIntro(), LEGEND, MapColours.INK);
        for (int i = 0; i < legend.rings().size(); i++) {
            flow.entry(0, x -> { }, (i + 1) + ". " + legend.rings().get(i), LEGEND, MapColours.LINE);
        }
        return flow.written();
    }
}
