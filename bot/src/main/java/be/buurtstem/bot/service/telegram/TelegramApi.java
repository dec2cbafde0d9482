package be.buurtstem.bot.service.telegram;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The library's HTTP client, twice: one for long polling (read timeout above the poll timeout, cancellable at
 * shutdown) and one for sending. The base URL comes from {@code TELEGRAM_API_URL}.
 */
public final class TelegramApi implements AutoCloseable {
    private final OkHttpClient pollHttp;
    private final OkHttpClient sendHttp;
    private final TelegramClient poller;
    private final TelegramClient sender;

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
