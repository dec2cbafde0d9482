package be.buurtstem.bot.it;

import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.Optional;

/** Two scripted questionnaires, {@code buurt} and {@code wonen}, instead of the engine's. */
@Configuration(proxyBeanMethods = false)
public class TestSurveys {
    @Bean
    @Primary
    SurveyCatalog testCatalog() {
        List<Survey> all = List.of(new ScriptedSurvey("buurt", 1), new ScriptedSurvey("wonen", 1));
        return new SurveyCatalog() {
            @Override
            public List<Survey> current() {
                return all;
            }

            @Override
            public Optional<Survey> current(String id) {
                return all.stream().filter(s -> s.id().equals(id)).findFirst();
            }

            @Override
            public Optional<Survey> version(String id, int version) {
                return current(id).filter(s -> s.version() == version);
            }
        };
    }
}
