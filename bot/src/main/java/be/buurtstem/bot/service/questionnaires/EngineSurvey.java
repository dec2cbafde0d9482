package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.model.Questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One questionnaire version served through the survey engine: the catalog's facts about it (title, languages,
 * coding, segments) and its {@link Conversation}, whose types pass through unchanged.
 */
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
    public Turn start(String language, RespondentContext context, Instant now) {
        return conversation.start(language, context, now);
    }

    @Override
    public Turn reply(ConversationState state, Input input, Instant now) {
        return conversation.reply(state, input, now);
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

}
