package be.buurtstem.bot.service.survey;

import be.buurtstem.bot.service.BuurtstemSettings;
import be.buurtstem.bot.service.questionnaires.QuestionnaireCatalog;
import be.buurtstem.bot.service.store.Store;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The questionnaires being served: bundled ones plus the {@code BUURTSTEM_QUESTIONNAIRES} folder. */
@Configuration(proxyBeanMethods = false)
public class SurveyConfiguration {
    @Bean(destroyMethod = "close")
    QuestionnaireCatalog surveyCatalog(Store store, BuurtstemSettings settings) {
        Path folder = settings.questionnaires() == null || settings.questionnaires().isBlank() ? null
                : Path.of(settings.questionnaires());
        return new QuestionnaireCatalog(store, folder, settings.reloadInterval());
    }
}
