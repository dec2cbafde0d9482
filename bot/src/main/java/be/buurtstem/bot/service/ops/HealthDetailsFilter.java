package be.buurtstem.bot.service.ops;

import be.buurtstem.bot.service.analyst.ApiAccessFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * Health details (disk paths, coder state, database kind, Telegram offset) only for a caller with a role: a request
 * to {@code /actuator/health} carrying the analyst or organiser bearer token ({@link ApiAccessFilter#roleOf}) is
 * given that role as its principal, and actuator shows details and components only then
 * ({@code management.endpoint.health.show-details=when-authorized}, {@code roles=analyst,organiser}). Anyone else
 * sees the status alone. A wrong token is not refused here: health stays reachable for probes. (Until Spring
 * Security comes in; then this becomes its rule.)
 */
@Component
public class HealthDetailsFilter extends OncePerRequestFilter {
    private final ApiAccessFilter access;

    public HealthDetailsFilter(ApiAccessFilter access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String role = access.roleOf(request.getHeader("Authorization"));
        if (role == null) {
            chain.doFilter(request, response);
            return;
        }
        Principal principal = () -> role;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String r) {
                return role.equals(r);
            }

            @Override
            public String getRemoteUser() {
                return role;
            }
        }, response);
    }
}
