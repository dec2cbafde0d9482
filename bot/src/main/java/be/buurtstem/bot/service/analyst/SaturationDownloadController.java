package be.buurtstem.bot.service.analyst;

import be.buurtstem.bot.service.saturation.SaturationService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code GET /api/analyst/saturation/{questionnaire}.json}: the saturation report as a file to keep beside an export,
 * the same object as {@code saturation --json} (DESIGN.md "Saturation", with {@code segments}) and as
 * {@code /api/organiser/saturation/{questionnaire}}, sent as an attachment.
 */
@RestController
@RequestMapping(path = "/api/analyst/saturation", produces = MediaType.APPLICATION_JSON_VALUE)
public class SaturationDownloadController {
    private final SaturationService saturation;

    public SaturationDownloadController(SaturationService saturation) {
        this.saturation = saturation;
    }

    @GetMapping("/{questionnaire}.json")
    public ResponseEntity<Map<String, Object>> download(@PathVariable String questionnaire) {
        Map<String, Object> report = saturation.report(questionnaire)
                .orElseThrow(() -> new ApiException(404, "no questionnaire '" + questionnaire + "'"));
        String name = "saturation-" + questionnaire.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(report);
    }
}
