package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.telegram.TelegramApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reach pages' settings: {@code BUURTSTEM_PUBLIC_URL}, {@code BUURTSTEM_ORGANISATION}, {@code TELEGRAM_BOT_USERNAME}. */
@Configuration(proxyBeanMethods = false)
public class ReachConfiguration {

    @Bean
    ReachSettings reachSettings(@Value("${buurtstem.public-url:}") String publicUrl,
                                @Value("${buurtstem.organisation:}") String organisation) {
        return new ReachSettings(publicUrl, organisation);
    }

    @Bean
    ReachAreas reachAreas(Store store) {
        return new ReachAreas(store);
    }

    @Bean
    BotName botName(ObjectProvider<TelegramApi> api, @Value("${telegram.bot-username:}") String configured) {
        return new BotName(api.getIfAvailable(), configured);
    }
}
