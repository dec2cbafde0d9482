package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.engine.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A question skipped: nothing is stored (no answer is an answer too), only logged. */
final class SkippedHandler implements EventHandler<Event.Skipped> {
    private static final Logger log = LoggerFactory.getLogger(SkippedHandler.class);

    @Override
    public void handle(Event.Skipped event, Effects fx) {
        log.debug("skipped question={} round={}", event.questionId(), event.round());
    }
}
