package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.engine.Event;

/** The last question was answered: the session is completed (later messages get the after-the-end handling). */
final class CompletedHandler implements EventHandler<Event.Completed> {
    @Override
    public void handle(Event.Completed event, Effects fx) {
        fx.status(SessionRecord.COMPLETED);
    }
}
