package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.engine.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state was made for a questionnaire version whose current node no longer exists; the engine ended the
 * conversation politely. The session ends as completed (what was answered stays), and the operator sees why.
 */
final class OutdatedHandler implements EventHandler<Event.Outdated> {
    private static final Logger log = LoggerFactory.getLogger(OutdatedHandler.class);

    @Override
    public void handle(Event.Outdated event, Effects fx) {
        log.warn("conversation ended: its questionnaire version changed questionnaire={} state_version={} version={}",
                fx.survey().id(), event.stateVersion(), event.questionnaireVersion());
        fx.status(SessionRecord.COMPLETED);
    }
}
