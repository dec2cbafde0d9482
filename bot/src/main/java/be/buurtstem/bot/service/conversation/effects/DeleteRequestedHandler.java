package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.engine.Event;

/** The resident confirmed "delete my answers": the service deletes everything instead of storing this turn. */
final class DeleteRequestedHandler implements EventHandler<Event.DeleteRequested> {
    @Override
    public void handle(Event.DeleteRequested event, Effects fx) {
        fx.requestDelete();
    }
}
