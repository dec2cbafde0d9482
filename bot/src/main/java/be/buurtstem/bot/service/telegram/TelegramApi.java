package be.buurtstem.bot.service.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The library's HTTP client, twice: one for long polling (read timeout above the poll timeout, cancellable at
 * shutdown) and one for sending. The base URL comes from {@code TELEGRAM_API_URL}. getUpdates alone is called
 * without the library ({@link #getUpdates}): its answer is returned as raw JSON, so that each update of a batch can be
 * read on its own ({@link IncomingUpdate}); the library would fail the whole batch on one update it cannot map.
 */
public final class TelegramApi implements AutoCloseable {
    private final OkHttpClient pollHttp;
    private final OkHttpClient sendHttp;
    private final TelegramClient poller;
    private final TelegramClient sender;
    private final String methodBase;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    public TelegramApi(TelegramSettings settings) {
        URI uri = URI.create(settings.apiUrl());
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(scheme) ? 80 : 443);
        TelegramUrl url = new TelegramUrl(scheme, uri.getHost(), port, false);
        this.pollHttp = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(settings.pollTimeout().plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(1, 5, TimeUnit.MINUTES))
                .build();
        this.sendHttp = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
        this.poller = new OkHttpTelegramClient(pollHttp, settings.botToken(), url);
        this.sender = new OkHttpTelegramClient(sendHttp, settings.botToken(), url);
        this.methodBase = scheme + "://" + uri.getHost() + ":" + port + "/bot" + settings.botToken() + "/";
    }

    /** A Bot API call that Telegram refused or answered with something that is not a Bot API answer. */
    public static final class CallFailed extends Exception {
        private final int code;
        private final Duration retryAfter;

        CallFailed(int code, Duration retryAfter, String description) {
            super(description);
            this.code = code;
            this.retryAfter = retryAfter;
        }

        /** Telegram's error code, or 0 for a network error or an unreadable answer. */
        public int code() {
            return code;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * getUpdates, answered as the raw {@code result} array. {@code poll} chooses the long-polling client (cancelled at
     * shutdown) or the sending one (the final confirmation at shutdown).
     */
    public JsonNode getUpdates(int offset, int limit, int timeoutSeconds, List<String> allowedUpdates, boolean poll)
            throws CallFailed {
        ObjectNode body = JSON.createObjectNode().put("offset", offset).put("limit", limit)
                .put("timeout", timeoutSeconds);
        if (allowedUpdates != null) {
            allowedUpdates.forEach(body.putArray("allowed_updates")::add);
        }
        Request request = new Request.Builder().url(methodBase + "getUpdates")
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        try (Response response = (poll ? pollHttp : sendHttp).newCall(request).execute()) {
            JsonNode answer;
            try {
                answer = response.body() == null ? null : JSON.readTree(response.body().byteStream());
            } catch (IOException e) {
                throw new CallFailed(response.code() == 200 ? 0 : response.code(), Duration.ofSeconds(1),
                        "getUpdates answer is not JSON (HTTP " + response.code() + ", " + e.getClass().getSimpleName()
                                + ")");
            }
            if (answer == null || !answer.path("ok").asBoolean(false)) {
                int code = answer == null ? response.code() : answer.path("error_code").asInt(response.code());
                JsonNode retry = answer == null ? null : answer.path("parameters").path("retry_after");
                throw new CallFailed(code, Duration.ofSeconds(retry != null && retry.canConvertToInt()
                        && retry.intValue() > 0 ? Math.min(retry.intValue(), 300) : 1),
                        answer == null ? "HTTP " + response.code() : answer.path("description").asText(""));
            }
            JsonNode result = answer.get("result");
            if (result == null || !result.isArray()) {
                throw new CallFailed(0, Duration.ofSeconds(1), "getUpdates answered without a result array");
            }
            return result;
        } catch (IOException e) {
            throw new CallFailed(0, Duration.ofSeconds(1), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public TelegramClient poller() {
        return poller;
    }

    public TelegramClient sender() {
        return sender;
    }

    /** Aborts a long poll in progress (graceful shutdown). */
    public void cancelPolling() {
        pollHttp.dispatcher().cancelAll();
    }

    /** The HTTP-like error code of a failed call, or 0 for a network error or an unreadable answer. */
    public static int errorCode(TelegramApiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
                return r.getErrorCode();
            }
        }
        return 0;
    }

    /** The message and the causes' messages, for a log line (Telegram's answers carry no personal data). */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause()) {
            sb.append(sb.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return sb.toString();
    }

    public static Duration retryAfter(TelegramApiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TelegramApiRequestException r && r.getParameters() != null
                    && r.getParameters().getRetryAfter() != null) {
                return Duration.ofSeconds(r.getParameters().getRetryAfter());
            }
        }
        return Duration.ofSeconds(1);
    }

    @Override
    public void close() {
        pollHttp.dispatcher().cancelAll();
        pollHttp.dispatcher().executorService().shutdown();
        sendHttp.dispatcher().executorService().shutdown();
        pollHttp.connectionPool().evictAll();
        sendHttp.connectionPool().evictAll();
    }
}
