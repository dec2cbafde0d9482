package be.buurtstem.bot.service.analyst;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Bearer-token sign-in for {@code /api/analyst/**} and {@code /api/organiser/**}, inside the machine chain of
 * {@link be.buurtstem.bot.service.pages.SecurityConfiguration}: a known token becomes a Spring Security
 * authentication with its role (the analyst token {@code ROLE_ANALYST}, the organiser token {@code ROLE_ORGANISER});
 * which role opens which API is decided by the chain's rules, not here. A role whose token is not configured is
 * switched off. Tokens are compared in constant time (SHA-256 digests compared with {@link MessageDigest#isEqual},
 * so neither content nor length leaks). Every refusal is 403 with a JSON reason ({@link #refuse}); no token is ever
 * logged. Not registered as a servlet filter of its own (SecurityConfiguration switches that off).
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

    /**
     * A streamed answer (the export) goes on in an async dispatch, which the chain's rules check again: the token is
     * read again there too (this chain keeps no security context between dispatches).
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String role = roleOf(request.getHeader("Authorization"));
        if (role == null) {
            chain.doFilter(request, response); // the chain's rules refuse it, with refusalReason's words
            return;
        }
        request.setAttribute(ROLE, role);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiToken(role));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext(); // the machine chain keeps no context between requests
        }
    }

    /** A signed-in token: its name is the role, never the token itself. */
    static final class ApiToken extends AbstractAuthenticationToken {
        private final String role;

        ApiToken(String role) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT))));
            this.role = role;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return role + " token";
        }
    }

    /**
     * Why an API request was refused, in the words the API has always used: the API switched off, no bearer header,
     * or a token that does not open this API (unknown, or of a role this API does not take).
     */
    public String refusalReason(HttpServletRequest request) {
        String api = api(request);
        if (api == null) {
            return "there is no API at this address";
        }
        boolean analystApi = "analyst".equals(api);
        if (analystApi && analyst == null) {
            return "the analyst API is switched off: set BUURTSTEM_ANALYST_TOKEN";
        }
        if (!analystApi && analyst == null && organiser == null) {
            return "the organiser API is switched off: set BUURTSTEM_ORGANISER_TOKEN";
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            return "send your token as 'Authorization: Bearer TOKEN'";
        }
        return analystApi ? "this token does not give access to the analyst API"
                : "this token does not give access to the organiser API";
    }

    /** Writes a 403 with the reason for this request (the machine chain's entry point and access-denied handler). */
    public void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response, refusalReason(request));
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
