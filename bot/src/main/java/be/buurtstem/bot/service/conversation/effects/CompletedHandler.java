package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.analysis.buurtkaart.NeighbourhoodMap;
import be.buurtstem.bot.service.buurtkaart.MapMessage;
import be.buurtstem.bot.service.buurtkaart.MapPictures;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.engine.Event;

/**
 * The last question was answered: the session is completed (later messages get the after-the-end handling). A
 * buurtkaart with at least one person or place on it comes back to the resident as a picture after the closing text
 * (a reference: the channel draws it from the answers when it sends it).
 */
final class CompletedHandler implements EventHandler<Event.Completed> {
    @Override
    public void handle(Event.Completed event, Effects fx) {
        fx.status(SessionRecord.COMPLETED);
        boolean named = fx.turn().state().answers().stream()
                .anyMatch(a -> NeighbourhoodMap.DOMAIN.equals(a.questionId()) && a.round() > 0);
        if (named && MapPictures.drawsMap(fx.survey())) {
            fx.after().add(MapMessage.of(fx.survey().id()));
        }
    }
}
