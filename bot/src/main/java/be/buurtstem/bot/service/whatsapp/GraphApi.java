package be.buurtstem.bot.service.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The calls the channel makes to Meta's Graph API: send a message, look up a medium, download it. Each send's
 * answer is sorted into what the outbox must do with it; the token goes in the Authorization header only (never in
 * a URL, never in a log).
 */
class GraphApi {
    /** Meta's throttling codes: nothing was sent, the same body may go again later. */
    static final Set<Integer> THROTTLED = Set.of(4, 80007, 130429, 131056, 131048);
    /** Re-engagement: the 24-hour window has closed. */
    static final int WINDOW_CLOSED = 131047;
    /** The resident cannot or does not want to be reached (opted out of business messages, not on WhatsApp). */
    static final Set<Integer> UNREACHABLE = Set.of(131050, 131026);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WhatsAppSettings settings;
    private final HttpClient http;

    GraphApi(WhatsAppSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** What became of one send. */
    sealed interface Sent {
    }

    record Accepted(String messageId) implements Sent {
    }

    /** Refused for now (429 or a throttling code): safe to send again after the wait. */
    record Throttled(int code, boolean pair, Duration retryAfter) implements Sent {
    }

    record WindowClosed() implements Sent {
    }

    record Unreachable(int code) implements Sent {
    }

    /** Refused with an answer (4xx other than the above): sending it again would be refused again. */
    record Refused(int status, int code) implements Sent {
    }

    /** Meta answered with a server error before taking the message: may be tried again. */
    record ServerError(int status, int code) implements Sent {
    }

    /** No answer (timeout, connection lost after the request went out): it may have been accepted. */
    record Uncertain(String why) implements Sent {
    }

    Sent send(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/" + settings.phoneNumberId()
                        + "/messages"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            // never reached Meta: nothing can have been accepted
            return new ServerError(0, 0);
        } catch (HttpTimeoutException e) {
            return new Uncertain("timeout");
        } catch (IOException e) {
            return new Uncertain(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Uncertain("interrupted");
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status >= 200 && status < 300) {
            return new Accepted(answer.path("messages").path(0).path("id").asText(""));
        }
        return refusal(response, answer);
    }

    /**
     * Uploads a picture through {@code POST /{phone-number-id}/media} (multipart: {@code messaging_product},
     * {@code type}, {@code file}); accepted, the answer's {@link Accepted#messageId} is the media id to send. An
     * upload is not a message: one that may have succeeded ({@link Uncertain}) can safely be made again, the copy is
     * never shown to anyone.
     */
    Sent upload(byte[] bytes, String mimeType, String fileName) {
        String boundary = "buurtstem-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(bytes.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\n"
                + "whatsapp\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
                + mimeType + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/" + settings.phoneNumberId()
                        + "/media"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Uncertain("timeout");
        } catch (IOException e) {
            return new Uncertain(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Uncertain("interrupted");
        }
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String id = answer.path("id").asText("");
            // an answer without an id cannot be sent on: treated like a server error (uploaded again later)
            return id.isEmpty() ? new ServerError(status, 0) : new Accepted(id);
        }
        return refusal(response, answer);
    }

    /** A non-2xx answer sorted into what the outbox must do with it. */
    private static Sent refusal(HttpResponse<String> response, JsonNode answer) {
        int status = response.statusCode();
        int code = answer.path("error").path("code").asInt(0);
        if (status == 429 || THROTTLED.contains(code)) {
            Duration wait = response.headers().firstValue("Retry-After").flatMap(GraphApi::seconds)
                    .orElse(Duration.ZERO);
            return new Throttled(code, code == 131056, wait);
        }
        if (code == WINDOW_CLOSED) {
            return new WindowClosed();
        }
        if (UNREACHABLE.contains(code)) {
            return new Unreachable(code);
        }
        if (status >= 500) {
            return new ServerError(status, code);
        }
        return new Refused(status, code);
    }

    /** A medium's download address, type and size, from {@code GET /{media-id}}. */
    record Media(String url, String mimeType, long size) {
    }

    Media media(String mediaId) throws IOException {
        if (!mediaId.matches("[0-9A-Za-z_.-]{1,100}")) {
            throw new IOException("unexpected media id");
        }
        HttpResponse<String> r = get(URI.create(settings.apiUrl() + "/" + mediaId), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("media lookup answered " + r.statusCode());
        }
        JsonNode n = parse(r.body());
        String url = n.path("url").asText(null);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IOException("media lookup without a url");
        }
        return new Media(url, n.path("mime_type").asText(""), n.path("file_size").asLong(-1));
    }

    /** The medium's bytes as a stream (the caller bounds how much it reads). */
    InputStream download(String url) throws IOException {
        HttpResponse<InputStream> r = get(URI.create(url), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException("media download answered " + r.statusCode());
        }
        return r.body();
    }

    private <T> HttpResponse<T> get(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token()).GET().build();
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.min(3600, Math.max(0, Long.parseLong(header.strip())))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
