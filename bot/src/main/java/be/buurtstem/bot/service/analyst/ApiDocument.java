package be.buurtstem.bot.service.analyst;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token API's OpenAPI document at {@code /api/openapi.json} (springdoc reads the controllers; see
 * application.properties for which routes). It is public: it describes routes and their bearer scheme, holds no
 * data and no token, and an integrator needs it before they have a token.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocument {
    static final String SCHEME = "bearerToken";

    @Bean
    OpenAPI buurtstemApi() {
        return new OpenAPI()
                .info(new Info().title("Buurtstem token API").version("1")
                        .description("The analysts' API (/api/analyst: residents' free-text answers, coding, models, "
                                + "export) needs the analyst token (BUURTSTEM_ANALYST_TOKEN). The organisers' API "
                                + "(/api/organiser: saturation, counts and themes, never residents' text) takes the "
                                + "organiser token (BUURTSTEM_ORGANISER_TOKEN) or the analyst token. Send it as "
                                + "'Authorization: Bearer TOKEN'; a refusal is 403 with a JSON reason."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("the analyst or organiser token")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
