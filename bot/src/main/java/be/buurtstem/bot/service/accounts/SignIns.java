package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Audit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What happens around a sign-in: too many failures make the name (and the address) wait before the password is
 * even checked; a failure or a success is counted and written to the audit log; a success with a one-time password
 * leads to the own-password page first.
 */
public final class SignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {
    private final Accounts accounts;
    private final SignInLimiter limiter;
    private final AuditLog audit;
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    public SignIns(Accounts accounts, SignInLimiter limiter, AuditLog audit) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.audit = audit;
        onward.setDefaultTargetUrl("/");
    }

    /** Before the password check: a name or address that must wait is sent back with the wait, unchecked. */
    public OncePerRequestFilter limit() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Duration wait = limiter.waitBefore(request.getParameter("username"), request.getRemoteAddr());
                if (!wait.isZero()) {
                    response.sendRedirect(request.getContextPath() + "/login?wait=" + minutes(wait));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String name = request.getParameter("username");
        String address = request.getRemoteAddr();
        limiter.failed(name, address);
        // a typed name that is no account may be a password typed in the wrong field: it is not written down
        String known = accounts.find(name).map(Account::username).orElse(null);
        audit.record("sign_in_failed", known == null ? "(unknown name)" : known, known,
                Audit.details("from", address));
        Duration wait = limiter.waitBefore(name, address);
        response.sendRedirect(request.getContextPath() + (wait.isZero() ? "/login?error" : "/login?wait=" + minutes(wait)));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        String name = authentication.getName();
        limiter.succeeded(name);
        accounts.signedIn(name, Instant.now());
        boolean city = authentication instanceof OAuth2AuthenticationToken;
        audit.record("sign_in", name, name, Audit.details("from", request.getRemoteAddr(),
                "with", city ? "city" : "password"));
        if (!city && accounts.find(name).map(Account::mustChangePassword).orElse(false)) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        onward.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            audit.record("sign_out", authentication.getName(), authentication.getName(), null);
        }
    }
}
