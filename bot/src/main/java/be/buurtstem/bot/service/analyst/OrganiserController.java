package be.buurtstem.bot.service.analyst;

import be.buurtstem.bot.service.saturation.SaturationService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisers' views (bearer token {@code BUURTSTEM_ORGANISER_TOKEN} or the analyst token): saturation per
 * questionnaire in the JSON of DESIGN.md ("Saturation"), overall and per segment.
 */
@RestController
@RequestMapping(path = "/api/organiser", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrganiserController {
    private final SaturationService saturation;

    public OrganiserController(SaturationService saturation) {
        this.saturation = saturation;
    }

    @GetMapping("/saturation")
    public Map<String, Object> all() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> list = saturation.questionnaires().stream().map(q -> {
            Map<String, Object> r = saturation.report(q).orElseThrow();
            Map<String, Object> s = new LinkedHashMap<>();
            for (String k : List.of("questionnaire", "answers", "respondents", "themes_seen", "coverage", "status",
                    "saturated", "saturated_at")) {
                s.put(k, r.get(k));
            }
            return s;
        }).toList();
        out.put("questionnaires", list);
        SaturationService.Rebuild rebuild = saturation.lastRebuild();
        if (rebuild != null) {
            out.put("last_rebuild", Map.of("answers", rebuild.answers(), "millis", rebuild.millis(),
                    "at", rebuild.at().toString()));
        }
        return out;
    }

    @GetMapping("/saturation/{questionnaire}")
    public Map<String, Object> one(@PathVariable String questionnaire) {
        return saturation.report(questionnaire)
                .orElseThrow(() -> new ApiException(404, "no questionnaire '" + questionnaire + "'"));
    }
}
