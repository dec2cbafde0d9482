package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.bot.service.web.WebPhotoStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The WhatsApp channel, on when {@code WHATSAPP_TOKEN}, the phone number id, the app secret and verify token are set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppSettings.class)
@Conditional(WhatsAppConfiguration.Enabled.class)
public class WhatsAppConfiguration {

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return set(env.getProperty("whatsapp.token")) && set(env.getProperty("whatsapp.phone-number-id"))
                    && set(env.getProperty("whatsapp.app-secret")) && set(env.getProperty("whatsapp.verify-token"));
        }

        private static boolean set(String s) {
            return s != null && !s.isBlank();
        }
    }

    @Bean
    GraphApi whatsAppGraphApi(WhatsAppSettings settings) {
        return new GraphApi(settings);
    }

    @Bean(destroyMethod = "close")
    WhatsAppOutbox whatsAppOutbox(Store store, GraphApi api, WhatsAppSettings settings, SurveyCatalog catalog,
                                  @Value("${buurtstem.outbox-lease:30s}") java.time.Duration lease) {
        OutboxLeases leases = new OutboxLeases(store, Leases.instanceName() + "-whatsapp", lease);
        WhatsAppOutbox outbox = new WhatsAppOutbox(store, api, settings, leases, new MapPictures(store, catalog));
        outbox.start();
        return outbox;
    }

    @Bean
    WhatsAppInbound whatsAppInbound(ConversationService conversations, WhatsAppOutbox outbox, Store store,
                                    GraphApi api, WebPhotoStore photos, WhatsAppSettings settings, RespondentIds ids) {
        return new WhatsAppInbound(conversations, outbox, store, api, photos, settings, ids);
    }
}
