package be.buurtstem.bot.service.analyst;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Bearer-token access to {@code /api/analyst/**} (the analyst token) and {@code /api/organiser/**} (the organiser
 * or the analyst token). A role whose token is not configured is switched off. Tokens are compared in constant time
 * (SHA-256 digests compared with {@link MessageDigest#isEqual}, so neither content nor length leaks). Every refusal
 * is 403 with a JSON reason; no token is ever logged.
 */
@Component
public class ApiAccessFilter extends OncePerRequestFilter {
    public static final String ROLE = "buurtstem.role";
    private final byte[] analyst;
    private final byte[] organiser;

    public ApiAccessFilter(@Value("${buurtstem.analyst-token:}") String analystToken,
                           @Value("${buurtstem.organiser-token:}") String organiserToken) {
        this.analyst = digest(analystToken);
        this.organiser = digest(organiserToken);
    }

    /** The SHA-256 of a configured or presented token (null when blank), compared in constant time. */
    public static byte[] digest(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which API a request is for: judged on the container's normalised path and on the raw one, lower-cased. */
    private static String api(HttpServletRequest request) {
        String normalised = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                .toLowerCase(java.util.Locale.ROOT);
        String raw = request.getRequestURI().toLowerCase(java.util.Locale.ROOT);
        boolean rawApi = raw.startsWith("/api");
        if (normalised.startsWith("/api/analyst") || rawApi && raw.contains("analyst")) {
            return "analyst";
        }
        if (normalised.startsWith("/api/organiser") || rawApi && raw.contains("organiser")) {
            return "organiser";
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return api(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean analystApi = "analyst".equals(api(request));
        if (analystApi && analyst == null) {
            refuse(response, "the analyst API is switched off: set BUURTSTEM_ANALYST_TOKEN");
            return;
        }
        if (!analystApi && analyst == null && organiser == null) {
            refuse(response, "the organiser API is switched off: set BUURTSTEM_ORGANISER_TOKEN");
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            refuse(response, "send your token as 'Authorization: Bearer TOKEN'");
            return;
        }
        byte[] given = digest(header.substring(7));
        boolean isAnalyst = given != null && analyst != null && MessageDigest.isEqual(given, analyst);
        boolean isOrganiser = given != null && organiser != null && MessageDigest.isEqual(given, organiser);
        if (analystApi ? !isAnalyst : !(isAnalyst || isOrganiser)) {
            refuse(response, analystApi ? "this token does not give access to the analyst API"
                    : "this token does not give access to the organiser API");
            return;
        }
        request.setAttribute(ROLE, isAnalyst ? "analyst" : "organiser");
        chain.doFilter(request, response);
    }

    /**
     * The role an {@code Authorization: Bearer TOKEN} header gives ("analyst" or "organiser"), or null: the same
     * check as the APIs, for other parts that show more to a known caller (health details).
     */
    public String roleOf(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= 7
                || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] given = digest(authorizationHeader.substring(7));
        if (given != null && analyst != null && MessageDigest.isEqual(given, analyst)) {
            return "analyst";
        }
        if (given != null && organiser != null && MessageDigest.isEqual(given, organiser)) {
            return "organiser";
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(403);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"error\":\"" + reason.replace("\"", "'") + "\",\"status\":403}");
    }
}
