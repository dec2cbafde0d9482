package be.buurtstem.bot.service.pages;

import be.buurtstem.bot.service.accounts.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The machines' routes (the token API, actuator, the Telegram webhook, the residents' web chat)
 * keep their own access rules (bearer tokens, webhook secret, the chat's cookie) and get no session and no CSRF
 * token. Every other route is a page for a signed-in person: form login, CSRF on every form, a session that
 * expires, strict security headers, and the role rules below.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {
    /** Routes with their own access rules (see the class comment). */
    static final String[] MACHINE_ROUTES = {"/api/**", "/actuator/**", "/telegram/**", "/chat/**"};
    /** Pages anyone may see. */
    static final String[] PUBLIC_PAGES = {"/app/**", "/login", "/error", "/favicon.ico"};

    @Bean
    @Order(1)
    SecurityFilterChain machines(HttpSecurity http) throws Exception {
        http.securityMatcher(MACHINE_ROUTES)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/organiser/**").hasAnyRole(Role.ORGANISER.name(), Role.ADMIN.name())
                        .requestMatchers("/analyst/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
