package be.buurtstem.bot.service.reminders;

import be.buurtstem.bot.service.conversation.AnswerListener;
import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Leases;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.bot.service.telegram.TelegramOutbox;
import be.buurtstem.engine.OutboundMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The polite reminder (settings per questionnaire, the job, the addresses it needs). Telegram only: a web chat
 * resident cannot be written to first, and WhatsApp allows it only within 24 hours of the resident's last message
 * (not built yet). The job runs every {@code buurtstem.reminders.interval} (default 10 minutes).
 */
@Configuration(proxyBeanMethods = false)
public class RemindersConfiguration {

    @Bean
    ReminderSettingsStore reminderSettingsStore(Store store) {
        return new ReminderSettingsStore(store);
    }

    @Bean
    ReminderAddresses reminderAddresses(Store store, RespondentIds ids) {
        return new ReminderAddresses(store, ids);
    }

    @Bean(destroyMethod = "close")
    ReminderJob reminderJob(Store store, ReminderSettingsStore settings, ReminderAddresses addresses,
                            SurveyCatalog catalog, ObjectProvider<TelegramOutbox> outbox, ObjectProvider<Leases> leases,
                            @Value("${buurtstem.reminders.interval:10m}") Duration interval) {
        TelegramOutbox telegram = outbox.getIfAvailable();
        ReminderJob.Channel channel = telegram == null ? null : (respondent, chat, id, language, text) -> {
            // a deterministic item id: queued twice (two instances, a repeated run), it is sent once
            telegram.delivery(null).persist(respondent, chat, id, language, List.of(OutboundMessage.info(text)));
            telegram.signal();
        };
        ReminderJob job = new ReminderJob(store, settings, addresses, catalog, channel,
                leases.getIfAvailable(() -> new Leases(store, Leases.instanceName())), Clock.systemUTC(), interval);
        if (channel != null) {
            job.start();
        }
        return job;
    }

    /**
     * The conversation tells which Telegram chats are halfway a questionnaire whose reminder is on (their address is
     * kept), and who said stop (never reminded for that version).
     */
    @Bean
    Object reminderChatHook(ConversationService conversations, ReminderAddresses addresses,
                            ReminderSettingsStore settings, ReminderJob job) {
        ConversationService.ChatSeen hook = (respondent, channel, chat, questionnaire, version, paused, at) -> {
            if (paused) {
                // "stop" said once is never followed by a reminder for this version, even after going on later
                job.declined(respondent, questionnaire, version, at);
                addresses.forget(respondent);
            } else if (ReminderJob.CHANNEL.equals(channel) && settings.enabled(questionnaire)) {
                addresses.remember(respondent, channel, chat, questionnaire, at);
            }
        };
        conversations.onChatSeen(hook);
        return hook;
    }

    /** "Delete my answers" (or the retention job): the address and the marks of that resident go too. */
    @Bean
    AnswerListener reminderErasure(ReminderAddresses addresses, ObjectProvider<ReminderJob> job) {
        return new AnswerListener() {
            @Override
            public void respondentDeleted(String respondent) {
                addresses.forget(respondent);
                job.ifAvailable(j -> j.forgetMarks(respondent));
            }
        };
    }
}
