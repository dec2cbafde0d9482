package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.service.survey.AnswerRecord;
import be.buurtstem.bot.service.survey.BotMessage;
import be.buurtstem.bot.service.survey.ResidentInput;
import be.buurtstem.bot.service.survey.Step;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyEvent;
import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.StateCodec;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.model.Questionnaire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One questionnaire version served through the survey engine: the adapter from the engine's types to the port. */
public final class EngineSurvey implements Survey {
    private final Questionnaire questionnaire;
    private final Conversation conversation;
    private final Map<String, be.buurtstem.engine.model.Node> nodes;

    public EngineSurvey(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.conversation = new Conversation(questionnaire);
        this.nodes = be.buurtstem.engine.model.NodeIndex.of(questionnaire).all();
    }

    @Override
    public boolean coded(String questionId) {
        be.buurtstem.engine.model.Node n = nodes.get(questionId);
        return n == null || n.coded();
    }

    @Override
    public List<String> segmentQuestions() {
        return questionnaire.segments();
    }

    @Override
    public Map<String, Double> saturationSettings() {
        return questionnaire.saturation();
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    @Override
    public String id() {
        return questionnaire.id();
    }

    @Override
    public int version() {
        return questionnaire.version();
    }

    @Override
    public List<String> languages() {
        return questionnaire.languages();
    }

    @Override
    public String defaultLanguage() {
        return questionnaire.defaultLanguage();
    }

    @Override
    public String title(String language) {
        if (questionnaire.title() == null) {
            return questionnaire.id();
        }
        String lang = conversation.renderer().supportedLanguage(language);
        String title = conversation.renderer().render(questionnaire.title(), lang, k -> null);
        return title == null || title.isBlank() ? questionnaire.id() : title;
    }

    @Override
    public Step start(String language, Map<String, String> segments, Instant now) {
        return step(conversation.start(language, new RespondentContext("buurtstem", segments), now));
    }

    @Override
    public Step reply(String state, ResidentInput input, Instant now) {
        Input in = switch (input) {
            case ResidentInput.Text t -> new Input.Text(t.text());
            case ResidentInput.Choice c -> new Input.Choice(c.id());
            case ResidentInput.Location l -> new Input.Location(l.lat(), l.lon());
            case ResidentInput.Photo p -> new Input.Photo(p.fileRef(), p.caption());
        };
        return step(conversation.reply(StateCodec.fromJson(state), in, now));
    }

    @Override
    public boolean paused(String state) {
        return StateCodec.fromJson(state).status() == ConversationState.Status.STOPPED;
    }

    @Override
    public String questionLabel(String questionId, String language) {
        return conversation.questionLabel(questionId, language);
    }

    @Override
    public String answerLabel(String questionId, Object value, String text, String language) {
        return conversation.answerLabel(questionId, value, text, language);
    }

    @Override
    public java.util.Optional<String> languageNamed(String typed) {
        return java.util.Optional.ofNullable(conversation.languageNamed(typed));
    }

    @Override
    public String language(String state) {
        return StateCodec.fromJson(state).language();
    }

    private Step step(Turn turn) {
        List<BotMessage> messages = new ArrayList<>();
        for (OutboundMessage m : turn.messages()) {
            List<BotMessage.Button> buttons = m.buttons().stream()
                    .map(b -> new BotMessage.Button(b.id(), b.label())).toList();
            BotMessage.Expect expect = switch (m.expect()) {
                case NOTHING -> BotMessage.Expect.NONE;
                case CHOICE, MULTIPLE -> BotMessage.Expect.CHOICE;
                case TEXT -> BotMessage.Expect.TEXT;
                case NUMBER -> BotMessage.Expect.NUMBER;
                case LOCATION -> BotMessage.Expect.LOCATION;
                case PHOTO -> BotMessage.Expect.PHOTO;
            };
            messages.add(new BotMessage(m.text(), buttons, expect));
        }
        List<SurveyEvent> events = new ArrayList<>();
        ConversationState state = turn.state();
        for (Event e : turn.events()) {
            events.add(switch (e) {
                case Event.AnswerRecorded a -> new SurveyEvent.AnswerRecorded(answer(a.answer()));
                case Event.ConsentGiven c -> new SurveyEvent.ConsentGiven(id(), c.version(), c.at());
                case Event.ConsentRefused c -> new SurveyEvent.ConsentRefused(id(), c.version(), c.at());
                case Event.LanguageChanged l -> new SurveyEvent.LanguageChanged(l.from(), l.to());
                case Event.DeleteRequested d -> new SurveyEvent.DeleteRequested();
                case Event.DataRequested d -> new SurveyEvent.DataRequested();
                case Event.Completed c -> new SurveyEvent.Completed();
                // the engine's stop is a pause: a later message resumes the conversation
                case Event.Stopped s -> new SurveyEvent.Other("stopped");
                case Event.Reprompted r -> r.typed() != null && !r.typed().isBlank() && state.consented()
                        ? new SurveyEvent.Unplaced(r.questionId(), r.typed())
                        : new SurveyEvent.Other("reprompted:" + r.reason());
                case Event.Skipped s -> new SurveyEvent.Other("skipped");
                case Event.Outdated o -> new SurveyEvent.Completed();
            });
        }
        return new Step(StateCodec.toJson(state), messages, events);
    }

    private static AnswerRecord answer(Answer a) {
        return new AnswerRecord(a.questionnaireId(), a.version(), a.questionId(), a.round(), a.kind(), a.value(),
                a.text(), a.language(), a.segment(), a.block(), a.at());
    }
}
