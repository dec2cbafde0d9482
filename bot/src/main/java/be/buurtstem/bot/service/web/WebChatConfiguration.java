package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.BuurtstemSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

/** The limits of the public routes and the web chat's photo store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebLimitsSettings.class)
public class WebChatConfiguration {
    /** Parser bounds for every JSON body the service reads (the body limits already keep documents small). */
    static final StreamReadConstraints JSON_LIMITS = StreamReadConstraints.builder()
            .maxStringLength(1_000_000).maxNameLength(1_000).maxNumberLength(100).maxNestingDepth(32)
            .maxDocumentLength(2_000_000).build();

    /** Before every other filter, on every route: nothing reads a body before its size is checked. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebLimitsSettings limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> r = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits));
        r.addUrlPatterns("/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    /**
     * The JSON mapper of the HTTP routes: Spring Boot's, with Boot's customizers applied as Boot does, on a parser
     * whose string length and nesting depth are bounded.
     */
    @Bean
    JsonMapper jsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(JSON_LIMITS)
                .build());
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    @Bean
    ChatRateLimits chatRateLimits(WebLimitsSettings limits) {
        return new ChatRateLimits(limits);
    }

    @Bean
    WebPhotoStore webPhotoStore(BuurtstemSettings settings, WebLimitsSettings limits) {
        return new WebPhotoStore(Path.of(settings.dataDir()), limits.photoBody().toBytes());
    }
}
