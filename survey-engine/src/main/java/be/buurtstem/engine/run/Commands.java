package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.Position;
import be.buurtstem.engine.input.OptionMatcher;
import be.buurtstem.engine.input.Words;
import be.buurtstem.engine.kinds.FreeTextKind;
import be.buurtstem.engine.kinds.ScaleKind;
import be.buurtstem.engine.model.ConsentNode;
import be.buurtstem.engine.model.EndNode;
import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.LocationNode;
import be.buurtstem.engine.model.MessageNode;
import be.buurtstem.engine.model.MultipleChoiceNode;
import be.buurtstem.engine.model.NumberNode;
import be.buurtstem.engine.model.PhotoNode;
import be.buurtstem.engine.model.Question;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.ScaleNode;
import be.buurtstem.engine.model.SingleChoiceNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.text.Fold;

import java.util.List;

/** Which input is a command (stop, back, skip, language, help, delete, my data) and what each one does. */
final class Commands {
    private final StepContext ctx;
    private final StepState st;
    private final Prompts prompts;
    private final Routing routing;
    private final Answering answering;

    Commands(StepContext ctx, StepState st, Prompts prompts, Routing routing, Answering answering) {
        this.ctx = ctx;
        this.st = st;
        this.prompts = prompts;
        this.routing = routing;
        this.answering = answering;
    }

    /** The command this input names, "?" for an unknown /command, or null when it is an answer. */
    String command(Input input, Node n) {
        if (input instanceof Input.Choice c) {
            String id = c.optionId();
            if (st.await == Await.ANSWER && n.option(id) != null) {
                return null;
            }
            String bare = id.startsWith("/") ? id.substring(1) : id;
            return be.buurtstem.engine.text.SystemTexts.COMMANDS.contains(bare) ? bare : null;
        }
        if (!(input instanceof Input.Text t)) {
            return null;
        }
        String typed = t.text().strip();
        if (typed.isEmpty() || typed.length() > 60) {
            return null;
        }
        String command = Words.command(typed);
        if (typed.startsWith("/")) {
            if (command != null) {
                return command;
            }
            // Free text may start with "/" ("/ nothing to add"); anywhere else it is a command we do not know.
            return st.await == Await.ANSWER && n.kind() == Kind.FREE_TEXT ? null : "?";
        }
        if (command == null) {
            return null;
        }
        if (freeTextAnswer(n)) {
            // At a free-text question a bare word is an answer ("dil", "hulp" are likely answers to "what makes work
            // hard?"): only a /command acts at once there. A message that is exactly a command word of the
            // conversation's language ("overslaan" right after the help listed it) may be either: we ask.
            return Words.command(typed, st.lang) != null ? CONFIRM : null;
        }
        // An option whose label is a command word ("Next", "Stop") wins over the command.
        OptionMatcher m = ctx.conv().matcher(n.id());
        if (st.await == Await.ANSWER && m != null && m.match(Fold.key(typed), st.lang, false) != null) {
            return null;
        }
        return command;
    }

    /** Waiting for the answer to a free-text question, where only /commands are commands. */
    boolean freeTextAnswer(Node n) {
        return st.await == Await.ANSWER && n.kind() == Kind.FREE_TEXT;
    }

    /** Not a command: ask whether the bare command word typed at a free-text question is one. */
    static final String CONFIRM = "_confirm";

    void command(String command, Node n) {
        switch (command) {
            case CONFIRM -> {
                String id = Words.command(st.typed, st.lang);
                st.await = Await.COMMAND_CONFIRM;
                st.selection = List.of(id, st.typed);
                String action = prompts.system("action_" + id);
                st.messages.add(new OutboundMessage(prompts.system("command_or_answer", "action", action, "typed", st.typed),
                        List.of(new Button("/" + id, action), new Button(StepState.IS_ANSWER, prompts.system("command_is_answer"))),
                        Expect.CHOICE));
            }
            case "stop" -> {
                st.events.add(new Event.Stopped(ctx.now()));
                st.await = routing.baseAwait(n);
                st.status = Status.STOPPED;
                prompts.info(prompts.system("stopped"));
            }
            case "back" -> back(n);
            case "skip" -> skipCommand(n);
            case "language" -> {
                st.await = Await.LANGUAGE;
                st.messages.add(prompts.languagePicker(prompts.system("choose_language")));
            }
            case "help" -> {
                String help;
                if (freeTextAnswer(n)) {
                    // Bare command words are answers here: tell the resident to type /stop, /taal, ...
                    help = (n.help() != null ? prompts.render(n.help(), n) + "\n" : "") + prompts.system("help_free_text");
                } else {
                    help = n.help() != null ? prompts.render(n.help(), n) : prompts.system("help");
                }
                prompts.info(help);
                routing.reask(n);
            }
            case "delete" -> {
                if (st.answers.isEmpty() && !st.consented) {
                    prompts.info(prompts.system("my_data_none"));
                    routing.reask(n);
                } else {
                    st.await = Await.DELETE_CONFIRM;
                    st.messages.add(prompts.yesNo(prompts.system("delete_confirm")));
                }
            }
            case "mydata" -> {
                st.events.add(new Event.DataRequested(ctx.now()));
                prompts.info(myData());
                routing.reask(n);
            }
            default -> routing.reprompt(n, Reason.UNKNOWN_COMMAND, prompts.system("unknown_command"), false);
        }
    }

    /**
     * The reply to "skip this question, or is 'overslaan' your answer?": true when handled. The command button (or
     * yes, or the word again) runs the command; "that is my answer" (or no) records the word. Anything else is read
     * as usual, as a new answer to the question or a /command.
     */
    boolean commandConfirm(Node n, Input input) {
        String id = st.selection.size() == 2 ? st.selection.get(0) : null;
        String word = st.selection.size() == 2 ? st.selection.get(1) : null;
        st.selection = List.of();
        st.await = Await.ANSWER;
        if (id == null) {
            return false;
        }
        Boolean yes = input instanceof Input.Choice c
                ? (c.optionId().equals("/" + id) || c.optionId().equals(id) ? Boolean.TRUE
                : c.optionId().equals(StepState.IS_ANSWER) ? Boolean.FALSE : null)
                : st.typed == null ? null : Fold.key(st.typed).equals(Fold.key(word)) ? Boolean.TRUE : Words.yesNo(Fold.key(st.typed), st.lang);
        if (yes == null) {
            return false;
        }
        if (yes) {
            command(id, n);
        } else {
            answering.apply(n, FreeTextKind.read(new Input.Text(word)));
        }
        return true;
    }

    void back(Node n) {
        st.newQuestion();
        if (st.history.isEmpty()) {
            st.await = routing.baseAwait(n);
            prompts.info(prompts.system("first_question"));
            routing.reask(n);
            return;
        }
        Position p = st.history.remove(st.history.size() - 1);
        Node target = ctx.index().node(p.node());
        if (target == null || !target.kind().isQuestion()) {
            st.await = routing.baseAwait(n);
            routing.reask(n);
            return;
        }
        st.node = target.id();
        st.round = p.round();
        st.await = Await.ANSWER;
        st.messages.add(prompts.prompt(target));
    }

    void skipCommand(Node n) {
        if (st.await == Await.MORE) {
            routing.finishGroup(n);
            return;
        }
        if (st.await == Await.SKIP_OFFER) {
            routing.skip(n);
            return;
        }
        if (st.await != Await.ANSWER) {
            routing.reask(n);
            return;
        }
        switch (n) {
            case ConsentNode consent -> routing.reprompt(consent, Reason.NOT_UNDERSTOOD, prompts.system("reprompt_yes_no"), false);
            case LanguageNode language -> routing.advanceFrom(language);
            case Question question -> {
                if (question.required()) {
                    routing.reprompt(question, Reason.REQUIRED, prompts.system("required"), true);
                } else {
                    routing.skip(question);
                }
            }
            // The step never awaits an answer at these (Step checks the state); kept as before: not skippable.
            case MessageNode x -> routing.reprompt(n, Reason.REQUIRED, prompts.system("required"), true);
            case RepeatNode x -> routing.reprompt(n, Reason.REQUIRED, prompts.system("required"), true);
            case EndNode x -> routing.reprompt(n, Reason.REQUIRED, prompts.system("required"), true);
        }
    }

    /**
     * The answers kept, in the resident's language: each question by its own words (its first sentence) and each
     * answer by what the resident saw (the option's label, the language's name), never ids. In a right-to-left
     * language each part is isolated (FSI … PDI), so that a Latin answer or a number does not reorder the line.
     */
    String myData() {
        if (st.answers.isEmpty()) {
            return prompts.system("my_data_none");
        }
        StringBuilder b = new StringBuilder(prompts.system("my_data"));
        for (Answer a : st.answers) {
            Node qn = ctx.index().node(a.questionId());
            String question = qn == null || qn.text() == null ? a.questionId() : Describe.shortForm(prompts.render(qn.text(), qn));
            String shown = qn == null ? a.text() : shownAnswer(qn, a);
            b.append("\n• ").append(Describe.isolate(question, st.lang)).append(a.round() > 0 ? " (" + a.round() + ")" : "")
                    .append(": ").append(Describe.isolate(shown, st.lang));
        }
        return b.toString();
    }

    private String shownAnswer(Node qn, Answer a) {
        return switch (qn) {
            case SingleChoiceNode x -> labelOr(qn, a);
            case MultipleChoiceNode x -> labelOr(qn, a);
            case LanguageNode x -> labelOr(qn, a);
            case ScaleNode scale -> a.value() instanceof Number v ? ScaleKind.label(scale, v.intValue(), prompts) : a.text();
            case ConsentNode x -> typedOrValue(a);
            case FreeTextNode x -> typedOrValue(a);
            case NumberNode x -> typedOrValue(a);
            case LocationNode x -> typedOrValue(a);
            case PhotoNode x -> typedOrValue(a);
            case MessageNode x -> typedOrValue(a);
            case RepeatNode x -> typedOrValue(a);
            case EndNode x -> typedOrValue(a);
        };
    }

    private String labelOr(Node qn, Answer a) {
        Object label = prompts.argumentOf(qn, a);
        return label == null || String.valueOf(label).isBlank() ? a.text() : String.valueOf(label);
    }

    private static String typedOrValue(Answer a) {
        return a.text() == null || a.text().isBlank() ? String.valueOf(a.value()) : a.text();
    }
}
