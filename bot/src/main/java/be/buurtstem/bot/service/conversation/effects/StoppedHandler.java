package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.engine.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident paused the conversation. The session stays open: the engine's state says it is paused, and the next
 * message resumes it with one greeting and the question.
 */
final class StoppedHandler implements EventHandler<Event.Stopped> {
    private static final Logger log = LoggerFactory.getLogger(StoppedHandler.class);

    @Override
    public void handle(Event.Stopped event, Effects fx) {
        log.info("conversation paused questionnaire={}", fx.survey().id());
    }
}
