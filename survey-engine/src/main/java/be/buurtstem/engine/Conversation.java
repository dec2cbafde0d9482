package be.buurtstem.engine;

import be.buurtstem.engine.input.OptionMatcher;
import be.buurtstem.engine.model.ChoiceNode;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.run.Step;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Locales;
import be.buurtstem.engine.text.Renderer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs conversations over one questionnaire: {@link #start} and {@link #reply} turn a state and an input into the
 * next {@link Turn}. Stateless and thread-safe: everything about a resident is in the {@link ConversationState};
 * this object only holds what is derived from the questionnaire once (compiled texts, option matchers).
 * Never throws on anything a resident sends.
 */
public final class Conversation {
    private final Questionnaire questionnaire;
    private final NodeIndex index;
    private final Renderer renderer;
    private final Map<String, OptionMatcher> matchers = new HashMap<>();
    private final boolean hasConsent;
    /** language tag → folded names a resident may type for it (own name, tag, names in the file's languages) */
    private final Map<String, List<String>> languageNames = new HashMap<>();

    public Conversation(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.index = NodeIndex.of(questionnaire);
        this.renderer = new Renderer(questionnaire);
        boolean consent = false;
        for (Node n : index.all().values()) {
            if (n instanceof ChoiceNode choice) {
                matchers.put(n.id(), new OptionMatcher(choice, questionnaire.languages(), renderer));
            }
            consent |= n instanceof ConsentNode;
        }
        this.hasConsent = consent;
        for (String tag : questionnaire.languages()) {
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            names.add(Fold.key(tag));
            names.add(Fold.key(Locales.nativeName(tag)));
            names.add(Fold.key(com.ibm.icu.util.ULocale.forLanguageTag(tag).getDisplayName(com.ibm.icu.util.ULocale.ENGLISH)));
            for (String other : questionnaire.languages()) {
                names.add(Fold.key(com.ibm.icu.util.ULocale.forLanguageTag(tag).getDisplayName(com.ibm.icu.util.ULocale.forLanguageTag(other))));
            }
            languageNames.put(tag, List.copyOf(names));
        }
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /**
     * Starts a conversation. The language is used if the questionnaire speaks it (or its base language:
     * {@code nl-BE} → {@code nl}), else the default language. Messages before the first question are all sent.
     * A null or blank language means the channel does not know it (and a language the questionnaire does not speak
     * is no better): a questionnaire in more than one language then asks for it first (the picker), and only then shows its welcome and consent in that language.
     */
    public Turn start(String language, RespondentContext context, Instant now) {
        RespondentContext ctx = context == null ? RespondentContext.NONE : context;
        Map<String, String> ctxMap = new HashMap<>(ctx.params());
        ctxMap.put("channel", ctx.channel());
        ConversationState initial = new ConversationState(questionnaire.id(), questionnaire.version(),
                renderer.supportedLanguage(language), ConversationState.Status.ACTIVE, null, 0,
                ConversationState.Await.NOTHING, 0, !hasConsent, List.of(), List.of(), List.of(), Map.of(), ctxMap,
                now, now);
        Step step = new Step(this, initial, now);
        if (!speaks(language) && questionnaire.languages().size() > 1) {
            step.askLanguageFirst();
        } else {
            step.begin();
        }
        return step.turn();
    }

    /** Whether the questionnaire speaks this language (exactly or by its base language: nl-BE is nl). */
    private boolean speaks(String language) {
        if (language == null || language.isBlank()) {
            return false;
        }
        String base = Locales.base(language);
        for (String l : questionnaire.languages()) {
            if (l.equalsIgnoreCase(language) || Locales.base(l).equalsIgnoreCase(base)) {
                return true;
            }
        }
        return false;
    }

    /** One step: the resident's input against the stored state. */
    public Turn reply(ConversationState state, Input input, Instant now) {
        if (state == null) {
            return start(null, RespondentContext.NONE, now);
        }
        Step step = new Step(this, state, now);
        try {
            step.handle(input == null ? new Input.Text("") : input);
            return step.turn();
        } catch (RuntimeException e) {
            // A resident must never be left without an answer, whatever went wrong in here: keep the state as it
            // was (nothing lost) and show the current question again. Tests make sure this path stays unused.
            Step again = new Step(this, state, now);
            return new Turn(state, again.currentPrompt(), List.of());
        }
    }

    /** The messages that show the current question again (e.g. when a web chat page is reloaded). */
    public List<OutboundMessage> current(ConversationState state) {
        return new Step(this, state, state.updatedAt()).currentPrompt();
    }

    /**
     * A question as a resident reads it in a list of their answers ("Hoe oud bent u?", "💼 Werk en
     * vrijwilligerswerk."), in that language; null for an unknown question.
     */
    public String questionLabel(String questionId, String language) {
        Node n = index.node(questionId);
        if (n == null || n.text() == null) {
            return null;
        }
        return be.buurtstem.engine.run.Describe.shortForm(renderer.render(n.text(), renderer.supportedLanguage(language), k -> null));
    }

    /**
     * A stored answer as the resident saw it: the option's label ("30 tot 44 jaar", not {@code age_30_44}), the
     * labels of a multiple choice, a language's own name, else the typed text; null for an unknown question.
     */
    public String answerLabel(String questionId, Object value, String typed, String language) {
        Node n = index.node(questionId);
        return n == null ? null : be.buurtstem.engine.run.Describe.answer(this, n, value, typed, renderer.supportedLanguage(language));
    }

    // Accessors for the step logic (package be.buurtstem.engine.run).

    public NodeIndex index() {
        return index;
    }

    public Renderer renderer() {
        return renderer;
    }

    public OptionMatcher matcher(String nodeId) {
        return matchers.get(nodeId);
    }

    public boolean hasConsent() {
        return hasConsent;
    }

    /**
     * The language a resident means by what they typed at a language picker ("Français", "arabic", "2", "fr"), or
     * null: the matching the picker itself uses, so a channel's own picker understands the same answers.
     */
    public String languageNamed(String typed) {
        if (typed == null) {
            return null;
        }
        String key = Fold.key(typed);
        if (key.chars().allMatch(Character::isDigit) && !key.isEmpty() && key.length() < 3) {
            int k = Integer.parseInt(key);
            return k >= 1 && k <= questionnaire.languages().size() ? questionnaire.languages().get(k - 1) : null;
        }
        for (Map.Entry<String, List<String>> e : languageNames.entrySet()) {
            if (e.getValue().contains(key)) {
                return e.getKey();
            }
        }
        return null;
    }
}
