package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.engine.Event;

/** The resident chose another language: remembered on the respondent for their next conversation. */
final class LanguageChangedHandler implements EventHandler<Event.LanguageChanged> {
    @Override
    public void handle(Event.LanguageChanged event, Effects fx) {
        fx.respondentChange().language(event.to());
    }
}
