package be.buurtstem.bot.service.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The pages speak Dutch, French and English: {@code ?lang=fr} switches and is remembered in a cookie; without it the
 * browser's preferred language among those three is taken, and Dutch when it prefers none of them.
 */
@Configuration(proxyBeanMethods = false)
public class PageLocales implements WebMvcConfigurer {
    public static final List<Locale> SUPPORTED = List.of(Locale.of("nl"), Locale.of("fr"), Locale.of("en"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("buurtstem-lang");
        r.setCookieMaxAge(Duration.ofDays(365));
        r.setDefaultLocaleFunction(PageLocales::fromBrowser);
        return r;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is the browser's problem, not a reason to fail the page
            }
        }
        return SUPPORTED.getFirst();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // only the three page languages may be chosen; any other ?lang= is ignored
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String lang = request.getParameter(getParamName());
                if (lang != null && SUPPORTED.stream().noneMatch(l -> l.getLanguage().equalsIgnoreCase(lang.strip()))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/chat/**", "/telegram/**", "/actuator/**");
    }
}
