package be.buurtstem.bot.service.telegram;

import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.ops.OrganiserNotifier;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.store.OutboxLeases;
import be.buurtstem.bot.service.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.util.List;

/** The Telegram channel, switched on by {@code TELEGRAM_BOT_TOKEN}: long polling, or webhook mode with a webhook URL. */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConfiguration.Enabled.class)
public class TelegramConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String token = context.getEnvironment().getProperty("telegram.bot-token");
            return token != null && !token.isBlank();
        }
    }

    static final class WebhookMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("telegram.webhook-url");
            return new Enabled().matches(context, metadata) && url != null && !url.isBlank();
        }
    }

    static final class PollingMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new Enabled().matches(context, metadata) && !new WebhookMode().matches(context, metadata);
        }
    }

    @Bean(destroyMethod = "close")
    TelegramApi telegramApi(TelegramSettings settings) {
        return new TelegramApi(settings);
    }

    /** This instance's name in the leases of a store shared by several instances (outbox, poller). */
    @Bean
    Leases leases(Store store) {
        Leases leases = new Leases(store, Leases.instanceName());
        if (store.soleWriter()) {
            // the in-process store is this instance's alone: leases in it are a killed predecessor's, not to wait out
            leases.forgetAll();
        }
        return leases;
    }

    @Bean(destroyMethod = "close")
    TelegramOutbox telegramOutbox(Store store, TelegramApi api, TelegramSettings settings, Leases leases,
                                  be.buurtstem.bot.service.survey.SurveyCatalog catalog, @Value("${buurtstem.outbox-lease:30s}") java.time.Duration lease) {
        OutboxLeases outboxLeases = new OutboxLeases(store, leases.owner(), lease);
        if (store.soleWriter()) {
            outboxLeases.forgetAll();
        }
        TelegramOutbox outbox = new TelegramOutbox(store, api, settings, outboxLeases,
                new be.buurtstem.bot.service.buurtkaart.MapPictures(store, catalog));
        outbox.start();
        return outbox;
    }

    @Bean
    UpdateProcessor updateProcessor(ConversationService conversations, TelegramOutbox outbox, Store store,
                                    TelegramSettings settings) {
        return new UpdateProcessor(conversations, outbox, store, settings);
    }

    @Bean
    OrganiserNotifier telegramOrganiserNotifier(TelegramOutbox outbox, TelegramSettings settings) {
        return text -> {
            if (settings.organiserChatId() == null || settings.organiserChatId().isBlank()) {
                log.info("organiser notice (no TELEGRAM_ORGANISER_CHAT_ID set): {}", text);
            } else {
                outbox.sendToChat(settings.organiserChatId(), text);
            }
        };
    }

    @Bean(destroyMethod = "close")
    @Conditional(PollingMode.class)
    TelegramPoller telegramPoller(TelegramApi api, UpdateProcessor processor, Store store, TelegramOutbox outbox,
                                  TelegramSettings settings, Leases leases,
                                  @Value("${buurtstem.poller-lease:}") java.time.Duration lease) {
        // on the in-process embedded store no other instance can poll: no lease, so no store write per poll round
        TelegramPoller poller = new TelegramPoller(api, processor, store, outbox, settings,
                store.soleWriter() ? null : leases, lease);
        poller.start();
        return poller;
    }

    @Bean
    @Conditional(PollingMode.class)
    HealthIndicator telegramHealthIndicator(TelegramPoller poller) {
        return new TelegramHealthIndicator(poller);
    }

    /** The webhook answered before Spring Security and Spring MVC (see {@link TelegramWebhookFilter}). */
    @Bean
    @Conditional(WebhookMode.class)
    org.springframework.boot.web.servlet.FilterRegistrationBean<TelegramWebhookFilter> telegramWebhookFilter(
            TelegramWebhookController webhook) {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new TelegramWebhookFilter(webhook));
        r.addUrlPatterns(TelegramWebhookController.PATH);
        // after the body limit (HIGHEST_PRECEDENCE) and Spring's observation filter (HIGHEST_PRECEDENCE + 1)
        r.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 2);
        return r;
    }

    /** The secret Telegram must send with every webhook request: configured, or derived from the service's key. */
    static String webhookSecret(TelegramSettings settings, RespondentIds ids) {
        return settings.webhookSecret() != null && !settings.webhookSecret().isBlank() ? settings.webhookSecret()
                : ids.derived("telegram-webhook");
    }

    @Bean
    @Conditional(WebhookMode.class)
    ApplicationRunner telegramWebhookRegistration(TelegramApi api, TelegramSettings settings, RespondentIds ids) {
        return args -> {
            try {
                api.sender().execute(SetWebhook.builder().url(settings.webhookUrl())
                        .secretToken(webhookSecret(settings, ids)).allowedUpdates(List.of("message", "callback_query"))
                        .build());
                log.info("telegram webhook registered");
            } catch (TelegramApiException e) {
                log.error("could not register the telegram webhook (code {}): {}", TelegramApi.errorCode(e),
                        e.getMessage());
            }
        };
    }
}
