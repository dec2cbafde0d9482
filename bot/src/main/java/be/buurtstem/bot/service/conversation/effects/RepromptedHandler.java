package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.store.UnplacedReply;
import be.buurtstem.engine.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question is asked again. What the resident typed that fitted none of the options is kept (after consent
 * only), so that nothing a resident types is silently lost; other reprompts are logged by reason only.
 */
final class RepromptedHandler implements EventHandler<Event.Reprompted> {
    private static final Logger log = LoggerFactory.getLogger(RepromptedHandler.class);

    @Override
    public void handle(Event.Reprompted event, Effects fx) {
        if (event.typed() == null || event.typed().isBlank() || !fx.turn().state().consented()) {
            log.debug("reprompted reason={}", event.reason());
            return;
        }
        var in = fx.inbound();
        // One reply per inbound message: a redelivered update overwrites its own copy instead of adding one.
        String id = fx.respondent() + ":" + (in.inputId() != null ? in.inputId() : Long.toString(in.at().toEpochMilli()));
        fx.unplaced().add(new UnplacedReply(id, fx.respondent(), fx.survey().id(), fx.survey().version(),
                event.questionId(), event.typed(), in.channel(), in.at()));
    }
}
