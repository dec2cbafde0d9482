package be.buurtstem.bot.service.pages.questionnaires;

import be.buurtstem.bot.service.questionnaires.EngineSurvey;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test conversation with a draft questionnaire, run on the engine in memory and kept in the organiser's session:
 * it never goes through the conversation service, so no resident, session, answer or consent is stored, and it is
 * never counted in the overview, saturation or exports. Its events (answer recorded, completed, ...) are dropped.
 */
public final class Preview {
    static final String SESSION_KEY = "questionnaires.preview";
    /** The channel name the engine sees: a web chat with real buttons. */
    static final String CHANNEL = "web";

    /** One line of the transcript: what the bot said (with its buttons) or what the tester answered. */
    public record Line(boolean resident, String text, List<Button> buttons) {
    }

    private final EngineSurvey survey;
    private final String language;
    private final Clock clock;
    private final List<Line> transcript = new ArrayList<>();
    private ConversationState state;
    private boolean finished;

    Preview(EngineSurvey survey, String language, Clock clock) {
        this.survey = survey;
        this.language = language;
        this.clock = clock;
        Turn t = survey.start(language, new RespondentContext(CHANNEL, Map.of()), clock.instant());
        take(t);
    }

    synchronized void press(String optionId) {
        if (finished || optionId == null || optionId.isBlank()) {
            return;
        }
        String label = lastButtons().stream().filter(b -> b.id().equals(optionId)).map(Button::label).findFirst()
                .orElse(optionId);
        transcript.add(new Line(true, label, List.of()));
        take(survey.reply(state, new Input.Choice(optionId), clock.instant()));
    }

    synchronized void type(String text) {
        if (finished || text == null || text.isBlank()) {
            return;
        }
        transcript.add(new Line(true, text.strip(), List.of()));
        take(survey.reply(state, new Input.Text(text.strip()), clock.instant()));
    }

    private void take(Turn t) {
        state = t.state();
        finished = t.finished();
        for (OutboundMessage m : t.messages()) {
            transcript.add(new Line(false, m.text(), m.buttons()));
        }
    }

    /** The buttons of the bot's last message: the ones the resident can press now. */
    public synchronized List<Button> lastButtons() {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            Line l = transcript.get(i);
            if (l.resident()) {
                return List.of();
            }
            if (!l.buttons().isEmpty()) {
                return l.buttons();
            }
        }
        return List.of();
    }

    public synchronized List<Line> transcript() {
        return List.copyOf(transcript);
    }

    public boolean finished() {
        return finished;
    }

    public String language() {
        return language;
    }

    public EngineSurvey survey() {
        return survey;
    }

    /** Answers given so far (the resident's lines), for the page's count. */
    public synchronized long answers() {
        return transcript.stream().filter(Line::resident).count();
    }
}
