package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.store.Consent;
import be.buurtstem.engine.Event;

/** Consent given: recorded on the respondent, and the start link's segment values join the respondent now. */
final class ConsentGivenHandler implements EventHandler<Event.ConsentGiven> {
    @Override
    public void handle(Event.ConsentGiven event, Effects fx) {
        fx.respondentChange().consent(new Consent(fx.survey().id(), event.version(), true, event.at()));
        fx.keepLinkSegments();
    }
}
