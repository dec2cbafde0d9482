package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.conversation.MyData;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.OutboundMessage;

/**
 * "My data" inside a conversation: the engine lists the answers it holds; the replies that fitted no option only
 * the service keeps, so they follow. When the engine showed nothing, the service's own listing is sent.
 */
final class DataRequestedHandler implements EventHandler<Event.DataRequested> {
    private final MyData myData;

    DataRequestedHandler(MyData myData) {
        this.myData = myData;
    }

    @Override
    public void handle(Event.DataRequested event, Effects fx) {
        if (fx.turn().messages().isEmpty()) {
            fx.before().addAll(myData.of(fx.respondent(), fx.language()));
            return;
        }
        String kept = myData.unplacedLines(fx.respondent(), fx.language());
        if (!kept.isEmpty()) {
            fx.after().add(OutboundMessage.info(kept.strip()));
        }
    }
}
