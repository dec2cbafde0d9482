package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.bot.service.analyst.ApiException;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/analyst/export/qdpx?questionnaire=Q[&language=L]}: the questionnaire's coded free-text answers as
 * a REFI-QDA project, streamed into the response (no file is written, so nothing outlives the request where an
 * erasure could not reach it). Behind the analyst role like all of {@code /api/analyst/**}.
 */
@RestController
@RequestMapping(path = "/api/analyst/export")
public class QdpxController {
    static final Pattern QUESTIONNAIRE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final Set<String> LANGUAGES = Set.of("nl", "fr", "en", "ar", "tr");
    static final MediaType QDPX = MediaType.parseMediaType("application/vnd.refi-qda.qdpx+zip");

    private final Answers answers;
    private final DecisionStore decisions;
    private final Coders coders;
    private final SurveyCatalog catalog;

    public QdpxController(Store store, DecisionStore decisions, Coders coders, SurveyCatalog catalog) {
        this.answers = store.answerRepository();
        this.decisions = decisions;
        this.coders = coders;
        this.catalog = catalog;
    }

    @GetMapping(path = "/qdpx", produces = {"application/vnd.refi-qda.qdpx+zip", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<StreamingResponseBody> qdpx(@RequestParam(required = false) String questionnaire,
                                                      @RequestParam(defaultValue = "en") String language) {
        if (questionnaire == null || questionnaire.isBlank()) {
            throw new ApiException(400, "questionnaire is required, e.g. ?questionnaire=inclusieweb");
        }
        if (!QUESTIONNAIRE.matcher(questionnaire).matches()) {
            throw new ApiException(400, "questionnaire must be 1-64 letters, digits, '_', '-' or '.'");
        }
        if (!LANGUAGES.contains(language)) {
            throw new ApiException(400, "language (of the codes' names) must be one of nl, fr, en, ar, tr");
        }
        if (catalog.current(questionnaire).isEmpty() && answers.count(Answers.FreeText.of(questionnaire)) == 0) {
            throw new ApiException(404, "no questionnaire '" + questionnaire + "'");
        }
        StoredQdpxSource source = new StoredQdpxSource(answers, decisions.byAnswerOf(questionnaire),
                coders.codebook(), questionnaire, language);
        StreamingResponseBody body = out -> QdpxExport.write(source, out);
        return ResponseEntity.ok()
                .contentType(QDPX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + questionnaire + ".qdpx\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
