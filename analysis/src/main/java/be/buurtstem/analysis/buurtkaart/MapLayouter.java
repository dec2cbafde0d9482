package be.buurtstem.analysis.buurtkaart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out a resident's map on a square picture of {@code size} pixels, the upper {@code mapHeight} of which holds the
 * map (the rest is the renderer's legend): the home at the centre, four closeness rings (very close innermost), one
 * equal sector per domain the resident used (in the method's order, the first at twelve o'clock), each actor as a dot
 * on its ring inside its domain's sector (several on one ring share the sector's width), and labels kept apart by
 * {@link LabelPlacer}: sector names first (outside the rings), then the actors' names, most important ring first.
 */
public final class MapLayouter {
    /** Longest actor label shown, in characters; longer names end in "…" (the chat keeps the full name). */
    public static final int MAX_LABEL = 22;

    private MapLayouter() {
    }

    public static MapLayout layout(NeighbourhoodMap map, double size, double mapHeight, TextMeasure measure,
                                   TextMeasure sectorMeasure, Map<Domain, String> domainNames) {
        return layout(map, map.domains(), size, mapHeight, measure, sectorMeasure, domainNames);
    }

    /**
     * As above with the sectors given: the shared map shows every domain anyone used, so that two segments' maps
     * can be compared side by side. Every actor's domain must be among {@code domains}.
     */
    public static MapLayout layout(NeighbourhoodMap map, List<Domain> domains, double size, double mapHeight,
                                   TextMeasure measure, TextMeasure sectorMeasure, Map<Domain, String> domainNames) {
        double scale = size / 1080;
        double cx = size / 2;
        double cy = mapHeight / 2;
        double outer = Math.min(size, mapHeight) / 2 - 110 * scale; // room for the sector names around
        double home = outer * 0.13;
        List<Double> rings = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            rings.add(home + i * (outer - home) / 4);
        }
        LabelPlacer placer = new LabelPlacer(new Box(4 * scale, 4 * scale, size - 8 * scale, mapHeight - 8 * scale));
        placer.block(new Box(cx - home, cy - home, 2 * home, 2 * home));

        int n = Math.max(1, domains.size());
        double slice = 2 * Math.PI / n;
        List<MapLayout.Sector> sectors = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            double from = i * slice;
            double mid = from + slice / 2;
            String name = domainNames.getOrDefault(domains.get(i), domains.get(i).id());
            List<String> lines = sectorMeasure.lines(name, 190 * scale);
            double w = lines.stream().mapToDouble(sectorMeasure::width).max().orElse(0);
            double h = lines.size() * sectorMeasure.lineHeight();
            double px = cx + Math.sin(mid) * (outer + 12 * scale);
            double py = cy - Math.cos(mid) * (outer + 12 * scale);
            Box box = placer.place(LabelPlacer.around(px, py, 4 * scale, w, h, cx, cy));
            sectors.add(new MapLayout.Sector(domains.get(i), from, from + slice, new MapLayout.Label(lines, box)));
        }

        // actors grouped by (domain, ring), spread over the sector's width
        Map<String, List<Actor>> cells = new LinkedHashMap<>();
        for (Actor a : map.actors()) {
            cells.computeIfAbsent(a.domain() + "/" + a.closeness(), k -> new ArrayList<>()).add(a);
        }
        double band = (outer - home) / 4;
        double dotRadius = Math.min(16 * scale, band * 0.3);
        List<MapLayout.Dot> dots = new ArrayList<>();
        for (List<Actor> cell : cells.values()) {
            Actor first = cell.getFirst();
            double from = domains.indexOf(first.domain()) * slice;
            double radius = home + (first.closeness().ring() - 0.5) * band;
            for (int j = 0; j < cell.size(); j++) {
                double angle = from + slice * (j + 1) / (cell.size() + 1);
                // neighbours on one ring alternate a little in and out, so that dots on a narrow arc do not touch
                double r = radius + (cell.size() > 2 ? (j % 2 == 0 ? -1 : 1) * band * 0.18 : 0);
                dots.add(new MapLayout.Dot(cell.get(j), cx + Math.sin(angle) * r, cy - Math.cos(angle) * r,
                        dotRadius));
            }
        }
        dots.sort(java.util.Comparator.comparingInt(d -> d.actor().round()));
        for (MapLayout.Dot d : dots) {
            placer.block(new Box(d.x() - d.radius(), d.y() - d.radius(), 2 * d.radius(), 2 * d.radius()));
        }

        List<MapLayout.Arrow> arrows = new ArrayList<>();
        for (MapLayout.Dot d : dots) {
            double dx = d.x() - cx;
            double dy = d.y() - cy;
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            double hx = cx + dx / len * home;
            double hy = cy + dy / len * home;
            double ax = d.x() - dx / len * d.radius();
            double ay = d.y() - dy / len * d.radius();
            Giving g = d.actor().giving();
            arrows.add(new MapLayout.Arrow(d.actor(), hx, hy, ax, ay, g == Giving.I_GIVE || g == Giving.BOTH,
                    g == Giving.I_RECEIVE || g == Giving.BOTH, (d.actor().influential() ? 6 : 2) * scale));
        }

        List<MapLayout.Label> labels = new ArrayList<>();
        List<MapLayout.Dot> byRing = new ArrayList<>(dots);
        byRing.sort(java.util.Comparator.comparingInt((MapLayout.Dot d) -> d.actor().closeness().ring())
                .thenComparingInt(d -> d.actor().round()));
        Map<MapLayout.Dot, MapLayout.Label> placed = new LinkedHashMap<>();
        for (MapLayout.Dot d : byRing) {
            String text = shorten(d.actor().name());
            double w = measure.width(text);
            double h = measure.lineHeight();
            Box box = placer.place(LabelPlacer.around(d.x(), d.y(), d.radius() + 4 * scale, w, h, cx, cy));
            placed.put(d, new MapLayout.Label(List.of(text), box));
        }
        for (MapLayout.Dot d : dots) { // labels in the dots' order: label i belongs to dot i
            labels.add(placed.get(d));
        }
        return new MapLayout(size, cx, cy, home, rings, sectors, dots, arrows, labels);
    }

    /** A name cut to {@link #MAX_LABEL} characters (whole code points) with "…". */
    public static String shorten(String name) {
        String s = name.strip().replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) <= MAX_LABEL) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_LABEL - 1)).strip() + "…";
    }
}
