package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.conversation.MyData;
import be.buurtstem.engine.Event;

/**
 * Every engine event to its handler. The switch is over the sealed {@link Event} without a default: an event the
 * engine gains does not compile here until it has a handler.
 */
public final class EventHandlers {
    private final AnswerRecordedHandler answerRecorded = new AnswerRecordedHandler();
    private final RepromptedHandler reprompted = new RepromptedHandler();
    private final SkippedHandler skipped = new SkippedHandler();
    private final LanguageChangedHandler languageChanged = new LanguageChangedHandler();
    private final ConsentGivenHandler consentGiven = new ConsentGivenHandler();
    private final ConsentRefusedHandler consentRefused = new ConsentRefusedHandler();
    private final DeleteRequestedHandler deleteRequested = new DeleteRequestedHandler();
    private final DataRequestedHandler dataRequested;
    private final StoppedHandler stopped = new StoppedHandler();
    private final CompletedHandler completed = new CompletedHandler();
    private final OutdatedHandler outdated = new OutdatedHandler();

    public EventHandlers(MyData myData) {
        this.dataRequested = new DataRequestedHandler(myData);
    }

    /** Applies the turn's events in order; stops at a confirmed deletion (nothing of the turn is kept then). */
    public Effects apply(Effects fx) {
        for (Event event : fx.turn().events()) {
            apply(event, fx);
            if (fx.deleteRequested()) {
                break;
            }
        }
        return fx;
    }

    void apply(Event event, Effects fx) {
        switch (event) {
            case Event.AnswerRecorded e -> answerRecorded.handle(e, fx);
            case Event.Reprompted e -> reprompted.handle(e, fx);
            case Event.Skipped e -> skipped.handle(e, fx);
            case Event.LanguageChanged e -> languageChanged.handle(e, fx);
            case Event.ConsentGiven e -> consentGiven.handle(e, fx);
            case Event.ConsentRefused e -> consentRefused.handle(e, fx);
            case Event.DeleteRequested e -> deleteRequested.handle(e, fx);
            case Event.DataRequested e -> dataRequested.handle(e, fx);
            case Event.Stopped e -> stopped.handle(e, fx);
            case Event.Completed e -> completed.handle(e, fx);
            case Event.Outdated e -> outdated.handle(e, fx);
        }
    }
}
