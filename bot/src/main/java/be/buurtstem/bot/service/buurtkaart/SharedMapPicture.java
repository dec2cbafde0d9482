package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.analysis.buurtkaart.Domain;
import be.buurtstem.analysis.buurtkaart.MapLayout;
import be.buurtstem.analysis.buurtkaart.MapLayouter;
import be.buurtstem.analysis.buurtkaart.SharedMap;
import be.buurtstem.analysis.buurtkaart.Valence;

import java.awt.Color;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organisers' neighbourhood map as a 1080 × 1080 PNG: the resident map's wheel (home, four rings, a sector per
 * domain), in each sector a wedge as long as the number of people and places named there, split green / blue / red
 * by what they give, the places and organisations several residents named as dots with their count, and the people
 * only as numbers (with the bridge figures) under the picture. Drawn on request from the answers; never stored.
 */
public final class SharedMapPicture {
    private SharedMapPicture() {
    }

    /** The picture and the layout of its places (tests find each place where the layout put it). */
    public record Drawn(MapLayout layout, List<MapPicture.Written> texts, java.awt.image.BufferedImage image,
                        byte[] png) {
    }

    public static byte[] png(SharedMap shared, MapLegend legend, String segment) {
        return draw(shared, legend, segment).png();
    }

    /** {@code segment}: the filter as shown ("area = noord"), or null for everyone. */
    public static Drawn draw(SharedMap shared, MapLegend legend, String segment) {
        Canvas c = new Canvas(MapPicture.SIZE, legend.rightToLeft());
        List<Domain> domains = shared.namedDomains();
        MapLayout layout = MapLayouter.layout(shared.placesMap(), domains, MapPicture.SIZE, MapPicture.MAP_HEIGHT,
                c.measure(MapPicture.LABEL), c.measure(MapPicture.SECTOR), legend.domains());
        rings(c, layout);
        wedges(c, layout, shared);
        c.house(layout.centerX(), layout.centerY(), layout.homeRadius());
        for (MapLayout.Dot d : layout.dots()) {
            c.dot(d.x(), d.y(), d.radius(), MapColours.of(d.actor().valence()), true);
        }
        for (MapLayout.Label l : layout.labels()) {
            MapPicture.label(c, l, MapPicture.LABEL, MapColours.INK, true);
        }
        for (MapLayout.Sector s : layout.sectors()) {
            MapPicture.label(c, s.label(), MapPicture.SECTOR, MapColours.INK, false);
        }
        List<MapPicture.Written> texts = legend(c, legend, shared, segment);
        byte[] png = c.png();
        return new Drawn(layout, texts, c.image, png);
    }

    private static void rings(Canvas c, MapLayout layout) {
        for (int i = 3; i >= 0; i--) {
            double r = layout.rings().get(i);
            c.g.setColor(MapColours.RINGS[i]);
            c.g.fill(new Ellipse2D.Double(layout.centerX() - r, layout.centerY() - r, 2 * r, 2 * r));
            c.g.setColor(MapColours.GRID);
            c.g.draw(new Ellipse2D.Double(layout.centerX() - r, layout.centerY() - r, 2 * r, 2 * r));
        }
    }

    /** Per sector three stacked annular pieces (energising innermost), total length by the sector's count. */
    private static void wedges(Canvas c, MapLayout layout, SharedMap shared) {
        int most = shared.domains().stream().mapToInt(SharedMap.DomainTally::actors).max().orElse(1);
        double home = layout.homeRadius();
        double span = layout.rings().getLast() - home;
        for (MapLayout.Sector s : layout.sectors()) {
            SharedMap.DomainTally t = shared.domains().stream().filter(x -> x.domain() == s.domain()).findFirst()
                    .orElseThrow();
            double from = home;
            int[] counts = {t.energising(), t.neutral(), t.draining()};
            for (Valence v : Valence.values()) {
                double len = span * counts[v.ordinal()] / most;
                if (len > 0) {
                    Color base = MapColours.of(v);
                    c.g.setColor(new Color(base.getRed(), base.getGreen(), base.getBlue(), 90));
                    c.g.fill(annulus(layout, s, from, from + len));
                }
                from += len;
            }
        }
    }

    private static Area annulus(MapLayout layout, MapLayout.Sector s, double inner, double outer) {
        // Arc2D angles: degrees, counter-clockwise from three o'clock; the layout's: clockwise from twelve
        double start = 90 - Math.toDegrees(s.to());
        double extent = Math.toDegrees(s.to() - s.from()) - 1.5; // a thin gap between sectors
        double cx = layout.centerX();
        double cy = layout.centerY();
        Area a = new Area(new Arc2D.Double(cx - outer, cy - outer, 2 * outer, 2 * outer, start + 0.75, extent,
                Arc2D.PIE));
        a.subtract(new Area(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner)));
        return a;
    }

    private static List<MapPicture.Written> legend(Canvas c, MapLegend legend, SharedMap shared, String segment) {
        double margin = 36;
        LegendFlow top = new LegendFlow(c, margin, MapPicture.SIZE - margin, 10, 40);
        top.entry(0, x -> { }, legend.text("shared_title"), MapPicture.TITLE, MapColours.INK);
        top.newLine();
        String count = shared.residents() + " " + legend.text("shared_residents") + (segment == null ? ""
                : " · " + segment);
        top.entry(0, x -> { }, shared.residents() == 0 ? legend.text("shared_none") : count, MapPicture.LEGEND,
                MapColours.LINE);
        c.g.setColor(MapColours.GRID);
        c.g.fill(new java.awt.geom.Rectangle2D.Double(margin, MapPicture.MAP_HEIGHT + 2,
                MapPicture.SIZE - 2 * margin, 1.5));
        LegendFlow flow = new LegendFlow(c, margin, MapPicture.SIZE - margin, MapPicture.MAP_HEIGHT + 8, 40);
        for (Valence v : Valence.values()) {
            flow.entry(22, x -> c.dot(x + 11, flow.middle(), 10, MapColours.of(v), false), legend.valences().get(v),
                    MapPicture.LEGEND, MapColours.INK);
        }
        flow.newLine();
        int people = shared.domains().stream().mapToInt(SharedMap.DomainTally::people).sum();
        int bridges = shared.domains().stream().mapToInt(SharedMap.DomainTally::bridgeFigures).sum();
        flow.entry(0, x -> { }, people + " " + legend.text("shared_people"), MapPicture.LEGEND, MapColours.INK);
        flow.entry(0, x -> { }, bridges + " " + legend.text("shared_bridges"), MapPicture.LEGEND, MapColours.INK);
        flow.newLine();
        flow.entry(0, x -> { }, new MessageFormat(legend.text("shared_places"), Locale.forLanguageTag(
                legend.language())).format(new Object[]{SharedMap.MIN_RESIDENTS}), MapPicture.LEGEND, MapColours.LINE);
        List<MapPicture.Written> all = new java.util.ArrayList<>(top.written());
        all.addAll(flow.written());
        return all;
    }

    /** "area = noord" for a filter, null for none. */
    public static String describe(Map<String, String> filter) {
        return filter.isEmpty() ? null : filter.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }
}
