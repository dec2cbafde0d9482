package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Event;

/**
 * A new answer (or a new answer to a question answered before, after "back": the same id replaces it). A segment
 * question's value also goes to the respondent, and the answer carries the respondent's segment values.
 */
final class AnswerRecordedHandler implements EventHandler<Event.AnswerRecorded> {
    @Override
    public void handle(Event.AnswerRecorded event, Effects fx) {
        Answer a = event.answer();
        fx.keepLinkSegments();
        if (a.segment() != null && !a.segment().isBlank()) {
            fx.segment(a.segment(), a.value() == null ? null : String.valueOf(a.value()));
        }
        var in = fx.inbound();
        fx.answers().add(new StoredAnswer(
                StoredAnswer.idOf(fx.respondent(), a.questionnaireId(), a.version(), a.questionId(), a.round()),
                fx.respondent(), a.questionnaireId(), a.version(), a.questionId(), a.round(), a.kind(), a.value(),
                a.text(), a.language(), a.segment(), a.block(), fx.segments(), in.channel(),
                a.at() == null ? in.at() : a.at(), in.at()));
    }
}
