package be.buurtstem.bot.service.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * On every page request of a signed-in person, the account as it is now: disabled or deleted ends the session at
 * once; changed roles take effect at once (without signing in again); a one-time password still to be replaced
 * leads to the own-password page and nowhere else.
 */
public final class FreshAccountFilter extends OncePerRequestFilter {
    /** What a person with a one-time password may still open. */
    private static final Set<String> OPEN_WITH_ONE_TIME_PASSWORD = Set.of("/account/password", "/logout", "/error");
    private final Accounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public FreshAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getServletPath().startsWith("/app/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Account account = accounts.find(auth.getName()).orElse(null);
        if (account == null || !account.enabled()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        Set<String> now = AccountDetails.authorities(account).stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<String> had = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (!now.equals(had)) {
            Authentication fresh = auth instanceof OAuth2AuthenticationToken city
                    ? new OAuth2AuthenticationToken(city.getPrincipal(), AccountDetails.authorities(account),
                    city.getAuthorizedClientRegistrationId())
                    : UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                    AccountDetails.authorities(account));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(fresh);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response); // runs before the role rules: they see the new roles
        }
        if (account.mustChangePassword() && !(auth instanceof OAuth2AuthenticationToken)
                && !OPEN_WITH_ONE_TIME_PASSWORD.contains(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
