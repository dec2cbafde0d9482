package be.buurtstem.analysis.buurtkaart;

import java.util.ArrayList;
import java.util.List;

/** Answers as a buurtkaart conversation stores them, one round per actor, and a fixed-width text measure. */
final class MapFixtures {
    private MapFixtures() {
    }

    /** One round: name, kind, domain, closeness, giving, influence, energy (null: not answered). */
    static List<MapAnswer> round(int round, String name, String kind, String domain, String closeness, String giving,
                                 String influence, String energy) {
        List<MapAnswer> out = new ArrayList<>();
        String[] questions = {NeighbourhoodMap.NAME, NeighbourhoodMap.KIND, NeighbourhoodMap.DOMAIN,
                NeighbourhoodMap.CLOSENESS, NeighbourhoodMap.GIVING, NeighbourhoodMap.INFLUENCE,
                NeighbourhoodMap.ENERGY};
        String[] values = {name, kind, domain, closeness, giving, influence, energy};
        for (int i = 0; i < questions.length; i++) {
            if (values[i] != null) {
                out.add(new MapAnswer(questions[i], round, values[i]));
            }
        }
        return out;
    }

    static final TextMeasure FIXED = new TextMeasure() {
        @Override
        public double width(String text) {
            return text.codePointCount(0, text.length()) * 10;
        }

        @Override
        public double lineHeight() {
            return 20;
        }
    };
}
