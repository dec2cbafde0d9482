package be.buurtstem.bot.service.telegram;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;

/**
 * Answers Telegram's webhook POSTs before Spring Security and Spring MVC: the route has its own check (the secret
 * header, {@link TelegramWebhookController#handle}), no session, no CSRF, no page, and at 300 updates/s the
 * security chain, the dispatcher's handler lookup, argument resolution and message conversion cost about as much
 * CPU as the update's own handling (JFR, PROFILE.md). Registered for {@value TelegramWebhookController#PATH} only,
 * after the body limit ({@code RequestBodyLimitFilter}) and after Spring's observation filter, so that the request
 * is still measured ({@code http_server_requests_seconds}, under its route). Any other method goes on to Spring MVC
 * as before (405).
 */
final class TelegramWebhookFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookFilter.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramWebhookController webhook;

    TelegramWebhookFilter(TelegramWebhookController webhook) {
        this.webhook = webhook;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !TelegramWebhookController.PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the route's name in the metrics, as Spring MVC's handler mapping would have set it
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(c -> c.setPathPattern(TelegramWebhookController.PATH));
        int status;
        try {
            status = webhook.handle(request.getHeader(SECRET_HEADER), request);
        } catch (RuntimeException e) {
            // not confirmed: Telegram sends the update again (the cause was logged where it happened)
            log.warn("webhook update not stored: {}", e.getClass().getSimpleName());
            status = 500;
        }
        response.setStatus(status);
        response.setContentLength(0);
    }
}
