package be.buurtstem.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The harness's HTTP calls to the service: webhook posts, web chat, the analyst API. Status -1 = no answer. */
final class Http {
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return FakeTelegram.JSON.readTree(body);
            } catch (IOException e) {
                return FakeTelegram.JSON.createObjectNode();
            }
        }
    }

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    Reply post(String url, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Reply get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    private Reply send(HttpRequest r) {
        try {
            HttpResponse<byte[]> res = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(res.statusCode(), new String(res.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Reply(-1, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Reply(-2, "request refused by the client: " + e.getMessage());
        }
    }

    /** One stored free-text answer as the analyst export shows it. */
    record Answer(String id, String respondent, String question, String text) {
    }

    /** Every stored free-text answer of a questionnaire, through {@code GET /api/analyst/export?format=jsonl}. */
    List<Answer> export(String base, String token, String questionnaire) {
        Reply r = get(base + "/api/analyst/export?questionnaire=" + questionnaire + "&kind=free_text&format=jsonl",
                "Authorization", "Bearer " + token);
        if (r.status() != 200) {
            throw new IllegalStateException("analyst export answered " + r.status() + ": " + r.body());
        }
        List<Answer> out = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode a = FakeTelegram.JSON.readTree(line);
                out.add(new Answer(a.path("id").asText(), a.path("respondent").asText(), a.path("question").asText(),
                        a.path("text").asText()));
            } catch (IOException e) {
                throw new IllegalStateException("export line is not JSON: " + line);
            }
        }
        return out;
    }
}
