package be.buurtstem.bot.it;

import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** HTTP calls to the analyst and organiser API of a running service, and simulated free-text answers. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final AnswerRefs refs;

    Api(Harness service) {
        this.base = service.baseUrl();
        this.refs = AnswerRefs.from(service.context.getBean(RespondentIds.class));
    }

    /** The reference under which the analyst API shows a stored answer id. */
    String ref(String answerId) {
        return refs.ref(answerId);
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.GET().build());
    }

    Reply post(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts a decision on a stored answer (by its stored id, sent as the analyst API's reference). */
    Reply decide(String token, String answerId, String action, String theme) {
        return post("/api/analyst/answers/" + ref(answerId) + "/decisions", token,
                "{\"action\":\"" + action + "\",\"theme\":\"" + theme + "\"}");
    }

    private Reply send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(res.statusCode(), res.body(), res.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Stores a free-text answer as the conversation service does (same document, same hook) for a simulated
     * resident; returns its id.
     */
    static String simulate(Harness service, String respondent, String questionnaire, String text, String area,
                           Instant at) {
        String id = respondent + ":" + questionnaire + ":1:wish:0";
        StoredAnswer answer = new StoredAnswer(id, respondent, questionnaire, 1, "wish", 0, "free_text", text, text,
                "nl", null, "wishes", Map.of("area", area), "telegram", at, at);
        service.context.getBean(Store.class).putAnswers(List.of(answer));
        service.context.getBean(CodingService.class).answerStored(answer);
        return id;
    }

    static Document answer(Harness service, String id) {
        return service.db().getCollection("answers").find(com.mongodb.client.model.Filters.eq("_id", id)).first();
    }

    static boolean coded(Harness service, String id) {
        Document d = answer(service, id);
        return d != null && d.get("coding") != null;
    }
}
