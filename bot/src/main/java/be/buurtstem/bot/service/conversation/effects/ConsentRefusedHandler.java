package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.store.Consent;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.engine.Event;

/** Consent refused: only the refusal is recorded, and the conversation ends. */
final class ConsentRefusedHandler implements EventHandler<Event.ConsentRefused> {
    @Override
    public void handle(Event.ConsentRefused event, Effects fx) {
        fx.respondentChange().consent(new Consent(fx.survey().id(), event.version(), false, event.at()));
        fx.status(SessionRecord.REFUSED);
    }
}
