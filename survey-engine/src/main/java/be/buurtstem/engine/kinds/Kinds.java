package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.EndNode;
import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.LocationNode;
import be.buurtstem.engine.model.MessageNode;
import be.buurtstem.engine.model.MultipleChoiceNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NumberNode;
import be.buurtstem.engine.model.PhotoNode;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.ScaleNode;
import be.buurtstem.engine.model.SingleChoiceNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The registry of node kinds, by YAML name and by record type. The loader's known kinds and keys, its messages and
 * the kind table in docs/questionnaire-format.md all come from here.
 */
public final class Kinds {
    /** Button ids the kinds share with the step. */
    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String DONE = "_done";

    public static final MessageKind MESSAGE = new MessageKind();
    public static final ConsentKind CONSENT = new ConsentKind();
    public static final LanguageKind LANGUAGE = new LanguageKind();
    public static final SingleChoiceKind SINGLE_CHOICE = new SingleChoiceKind();
    public static final MultipleChoiceKind MULTIPLE_CHOICE = new MultipleChoiceKind();
    public static final FreeTextKind FREE_TEXT = new FreeTextKind();
    public static final ScaleKind SCALE = new ScaleKind();
    public static final NumberKind NUMBER = new NumberKind();
    public static final LocationKind LOCATION = new LocationKind();
    public static final PhotoKind PHOTO = new PhotoKind();
    public static final RepeatKind REPEAT = new RepeatKind();
    public static final EndKind END = new EndKind();

    /** In the order the docs list them. */
    private static final List<KindHandler<?>> ALL = List.of(MESSAGE, CONSENT, LANGUAGE, SINGLE_CHOICE,
            MULTIPLE_CHOICE, FREE_TEXT, SCALE, NUMBER, LOCATION, PHOTO, REPEAT, END);
    private static final Map<String, KindHandler<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (KindHandler<?> h : ALL) {
            if (BY_NAME.put(h.name(), h) != null) {
                throw new IllegalStateException("two kinds are named " + h.name());
            }
        }
    }

    private Kinds() {
    }

    public static List<KindHandler<?>> all() {
        return ALL;
    }

    /** The kind of this YAML name, or null. */
    public static KindHandler<?> named(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** "message, consent, ..." for messages that list the kinds. */
    public static String names() {
        return ALL.stream().map(KindHandler::name).collect(Collectors.joining(", "));
    }

    /**
     * The handler of a node's kind. An exhaustive switch over the sealed node types: a new record does not compile
     * until it has its handler here.
     */
    @SuppressWarnings("unchecked")
    public static <N extends Node> KindHandler<N> of(N n) {
        KindHandler<?> h = switch (n) {
            case MessageNode x -> MESSAGE;
            case ConsentNode x -> CONSENT;
            case LanguageNode x -> LANGUAGE;
            case SingleChoiceNode x -> SINGLE_CHOICE;
            case MultipleChoiceNode x -> MULTIPLE_CHOICE;
            case FreeTextNode x -> FREE_TEXT;
            case ScaleNode x -> SCALE;
            case NumberNode x -> NUMBER;
            case LocationNode x -> LOCATION;
            case PhotoNode x -> PHOTO;
            case RepeatNode x -> REPEAT;
            case EndNode x -> END;
        };
        return (KindHandler<N>) h;
    }

    public static OutboundMessage prompt(Node n, PromptContext c) {
        return of(n).prompt(n, c);
    }

    public static void answer(Node n, Input input, AnswerContext c) {
        of(n).answer(n, input, c);
    }

    public static void validate(Node n, String file, List<Problem> out) {
        of(n).validate(n, file, out);
    }

    public static Object argument(Node n, Answer a, PromptContext c) {
        return of(n).argument(n, a, c);
    }
}
