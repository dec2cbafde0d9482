package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.analyst.ApiAccessFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Every actuator endpoint but health ({@code /actuator/prometheus} above all) only with a role: the metrics token
 * ({@code BUURTSTEM_METRICS_TOKEN}, for a Prometheus scraper: it opens nothing else), or the organiser or analyst
 * token ({@link ApiAccessFilter#roleOf}). Without a token 401, with a wrong one 403; the metrics are switched off
 * (403) while none of the three tokens is set. Health stays open for probes ({@link HealthDetailsFilter}).
 */
@Component
public class MetricsAccessFilter extends OncePerRequestFilter {
    private final ApiAccessFilter access;
    private final byte[] metricsToken;
    private final boolean anyToken;

    public MetricsAccessFilter(ApiAccessFilter access, @Value("${buurtstem.metrics-token:}") String metricsToken,
                               @Value("${buurtstem.analyst-token:}") String analyst,
                               @Value("${buurtstem.organiser-token:}") String organiser) {
        this.access = access;
        this.metricsToken = ApiAccessFilter.digest(metricsToken);
        this.anyToken = this.metricsToken != null || !analyst.isBlank() || !organiser.isBlank();
    }

    /** Judged on the container's normalised path and on the raw one, lower-cased (as the API filter does). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String normalised = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                .toLowerCase(Locale.ROOT);
        String raw = request.getRequestURI().toLowerCase(Locale.ROOT);
        boolean actuator = normalised.startsWith("/actuator") || raw.contains("actuator");
        boolean health = normalised.equals("/actuator/health") || normalised.startsWith("/actuator/health/");
        return !actuator || health && !raw.contains("prometheus") && !raw.contains("metrics");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (!anyToken) {
            refuse(response, 403, "metrics are switched off: set BUURTSTEM_METRICS_TOKEN");
            return;
        }
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            refuse(response, 401, "send the metrics token as 'Authorization: Bearer TOKEN'");
            return;
        }
        byte[] given = ApiAccessFilter.digest(header.substring(7));
        boolean metrics = given != null && metricsToken != null && MessageDigest.isEqual(given, metricsToken);
        if (!metrics && access.roleOf(header) == null) {
            refuse(response, 403, "this token does not give access to the metrics");
            return;
        }
        chain.doFilter(request, response);
    }


    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"error\":\"" + reason + "\",\"status\":" + status + "}");
    }
}
