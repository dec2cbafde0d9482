package be.buurtstem.analysis.buurtkaart;

import java.util.Map;

/** One resident's map with their segment values (area, age band, language...), for the organisers' shared map. */
public record ResidentMap(String respondent, Map<String, String> segments, NeighbourhoodMap map) {
    public ResidentMap {
        segments = segments == null ? Map.of() : Map.copyOf(segments);
    }
}
