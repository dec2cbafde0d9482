package be.buurtstem.bot.service.survey;

import java.util.List;

/** What one engine step produced: the new state, what to say, and what happened. */
public record Step(String state, List<BotMessage> messages, List<SurveyEvent> events) {
    public Step {
        messages = List.copyOf(messages);
        events = List.copyOf(events);
    }

    public boolean finished() {
        return events.stream().anyMatch(e -> e instanceof SurveyEvent.Completed || e instanceof SurveyEvent.Stopped
                || e instanceof SurveyEvent.ConsentRefused);
    }
}
