package be.buurtstem.bot.service.pages;

import be.buurtstem.bot.service.accounts.Accounts;
import be.buurtstem.bot.service.accounts.CityAccounts;
import be.buurtstem.bot.service.accounts.CityRegistration;
import be.buurtstem.bot.service.accounts.FreshAccountFilter;
import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.accounts.SignIns;
import be.buurtstem.bot.service.analyst.ApiAccessFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains. The machines' routes (the token API, actuator, the Telegram webhook, the residents' web chat)
 * get no session and no CSRF token: the API's bearer tokens become authentications with a role
 * ({@link ApiAccessFilter}) and the rules below say which role opens which API; actuator, webhook and chat keep
 * their own filters (metrics and health tokens, webhook secret, the chat's cookie). Every other route is a page for
 * a signed-in person: form login (and the city's sign-in when configured), CSRF on every form, a session that
 * expires, strict security headers, and the role rules below. RouteRulesTest checks every mapped route against
 * these rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {
    /** Routes with their own access rules (see the class comment). */
    static final String[] MACHINE_ROUTES = {"/api/**", "/actuator/**", "/telegram/**", "/whatsapp/**", "/chat/**"};
    /** Pages anyone may see. */
    static final String[] PUBLIC_PAGES = {"/app/**", "/login", "/error", "/favicon.ico"};
    /** The token API's description: public, it holds no data (see bot/README.md). */
    public static final String OPENAPI = "/api/openapi.json";

    /** The API filter runs inside the machine chain only, not also as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<ApiAccessFilter> apiAccessFilterOnlyInTheChain(ApiAccessFilter filter) {
        FilterRegistrationBean<ApiAccessFilter> r = new FilterRegistrationBean<>(filter);
        r.setEnabled(false);
        return r;
    }

    @Bean
    @Order(1)
    SecurityFilterChain machines(HttpSecurity http, ApiAccessFilter api) throws Exception {
        http.securityMatcher(MACHINE_ROUTES)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OPENAPI).permitAll()
                        .requestMatchers("/api/analyst/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
                        // the analyst token also opens the organiser API (it sees more, never less)
                        .requestMatchers("/api/organiser/**")
                        .hasAnyRole(Role.ORGANISER.name(), Role.ANALYST.name(), Role.ADMIN.name())
                        .requestMatchers("/api/**").denyAll()
                        .anyRequest().permitAll())
                .addFilterBefore(api, AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> api.refuse(request, response))
                        .accessDeniedHandler((request, response, denied) -> api.refuse(request, response)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignIns signIns, Accounts accounts, CityAccounts cityAccounts,
                              ObjectProvider<CityRegistration> city) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/organiser/**").hasAnyRole(Role.ORGANISER.name(), Role.ADMIN.name())
                        .requestMatchers("/analyst/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(signIns).failureHandler(signIns).permitAll())
                .addFilterBefore(signIns.limit(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new FreshAccountFilter(accounts), AuthorizationFilter.class)
                .sessionManagement(s -> s
                        .sessionFixation(f -> f.changeSessionId())
                        .invalidSessionUrl("/login?expired"))
                .logout(l -> l
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"))
                        .addLogoutHandler(signIns)
                        .deleteCookies("BUURTSTEM_SESSION")
                        .logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // only on requests that came over TLS (directly or through the proxy's X-Forwarded-Proto)
                        .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        CityRegistration registration = city.getIfAvailable();
        if (registration != null) {
            http.oauth2Login(o -> o
                    .loginPage("/login")
                    .clientRegistrationRepository(registration)
                    .userInfoEndpoint(u -> u.oidcUserService(cityAccounts))
                    .successHandler(signIns)
                    .failureHandler((request, response, failure) ->
                            response.sendRedirect(request.getContextPath() + "/login?cityRefused")));
        }
        return http.build();
    }
}
