package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
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

import java.time.Instant;
import java.util.List;

/** Which input is a command (stop, back, skip, language, help, delete, my data) and what each one does. */
abstract sealed class Commands extends Answering permits Step {
    Commands(Conversation conv, ConversationState s, Instant now) {
        super(conv, s, now);
    }

    /** The command this input names, "?" for an unknown /command, or null when it is an answer. */
    String command(Input input, Node n) {
        if (input instanceof Input.Choice c) {
            String id = c.optionId();
            if (await == Await.ANSWER && n.option(id) != null) {
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
            return await == Await.ANSWER && n.kind() == Kind.FREE_TEXT ? null : "?";
        }
        if (command == null) {
            return null;
        }
        if (freeTextAnswer(n)) {
            // At a free-text question a bare word is an answer ("dil", "hulp" are likely answers to "what makes work
            // hard?"): only a /command acts at once there. A message that is exactly a command word of the
            // conversation's language ("overslaan" right after the help listed it) may be either: we ask.
            return Words.command(typed, lang) != null ? CONFIRM : null;
        }
        // An option whose label is a command word ("Next", "Stop") wins over the command.
        OptionMatcher m = conv.matcher(n.id());
        if (await == Await.ANSWER && m != null && m.match(Fold.key(typed), lang, false) != null) {
            return null;
        }
        return command;
    }

    /** Waiting for the answer to a free-text question, where only /commands are commands. */
    boolean freeTextAnswer(Node n) {
        return await == Await.ANSWER && n.kind() == Kind.FREE_TEXT;
    }

    /** Not a command: ask whether the bare command word typed at a free-text question is one. */
    static final String CONFIRM = "_confirm";

    void command(String command, Node n) {
        switch (command) {
            case CONFIRM -> {
                String id = Words.command(typed, lang);
                await = Await.COMMAND_CONFIRM;
                selection = List.of(id, typed);
                String action = system("action_" + id);
                messages.add(new OutboundMessage(system("command_or_answer", "action", action, "typed", typed),
                        List.of(new Button("/" + id, action), new Button(IS_ANSWER, system("command_is_answer"))),
                        Expect.CHOICE));
            }
            case "stop" -> {
                events.add(new Event.Stopped(now));
                await = baseAwait(n);
                status = Status.STOPPED;
                info(system("stopped"));
            }
            case "back" -> back(n);
            case "skip" -> skipCommand(n);
            case "language" -> {
                await = Await.LANGUAGE;
                messages.add(languagePicker(system("choose_language")));
            }
            case "help" -> {
                String help;
                if (freeTextAnswer(n)) {
                    // Bare command words are answers here: tell the resident to type /stop, /taal, ...
                    help = (n.help() != null ? render(n.help(), n) + "\n" : "") + system("help_free_text");
                } else {
                    help = n.help() != null ? render(n.help(), n) : system("help");
                }
                info(help);
                reask(n);
            }
            case "delete" -> {
                if (answers.isEmpty() && !consented) {
                    info(system("my_data_none"));
                    reask(n);
                } else {
                    await = Await.DELETE_CONFIRM;
                    messages.add(yesNo(system("delete_confirm")));
                }
            }
            case "mydata" -> {
                events.add(new Event.DataRequested(now));
                info(myData());
                reask(n);
            }
            default -> reprompt(n, Reason.UNKNOWN_COMMAND, system("unknown_command"), false);
        }
    }

    /**
     * The reply to "skip this question, or is 'overslaan' your answer?": true when handled. The command button (or
     * yes, or the word again) runs the command; "that is my answer" (or no) records the word. Anything else is read
     * as usual, as a new answer to the question or a /command.
     */
    boolean commandConfirm(Node n, Input input) {
        String id = selection.size() == 2 ? selection.get(0) : null;
        String word = selection.size() == 2 ? selection.get(1) : null;
        selection = List.of();
        await = Await.ANSWER;
        if (id == null) {
            return false;
        }
        Boolean yes = input instanceof Input.Choice c
                ? (c.optionId().equals("/" + id) || c.optionId().equals(id) ? Boolean.TRUE
                : c.optionId().equals(IS_ANSWER) ? Boolean.FALSE : null)
                : typed == null ? null : Fold.key(typed).equals(Fold.key(word)) ? Boolean.TRUE : Words.yesNo(Fold.key(typed), lang);
        if (yes == null) {
            return false;
        }
        if (yes) {
            command(id, n);
        } else {
            apply(n, FreeTextKind.read(new Input.Text(word)));
        }
        return true;
    }

    void back(Node n) {
        misses = 0;
        selection = List.of();
        if (history.isEmpty()) {
            await = baseAwait(n);
            info(system("first_question"));
            reask(n);
            return;
        }
        Position p = history.remove(history.size() - 1);
        Node target = index.node(p.node());
        if (target == null || !target.kind().isQuestion()) {
            await = baseAwait(n);
            reask(n);
            return;
        }
        node = target.id();
        round = p.round();
        await = Await.ANSWER;
        messages.add(prompt(target));
    }

    void skipCommand(Node n) {
        if (await == Await.MORE) {
            finishGroup(n);
            return;
        }
        if (await == Await.SKIP_OFFER) {
            skip(n);
            return;
        }
        if (await != Await.ANSWER) {
            reask(n);
            return;
        }
        switch (n) {
            case ConsentNode consent -> reprompt(consent, Reason.NOT_UNDERSTOOD, system("reprompt_yes_no"), false);
            case LanguageNode language -> advanceFrom(language);
            case Question question -> {
                if (question.required()) {
                    reprompt(question, Reason.REQUIRED, system("required"), true);
                } else {
                    skip(question);
                }
            }
            // The step never awaits an answer at these (Step checks the state); kept as before: not skippable.
            case MessageNode x -> reprompt(n, Reason.REQUIRED, system("required"), true);
            case RepeatNode x -> reprompt(n, Reason.REQUIRED, system("required"), true);
            case EndNode x -> reprompt(n, Reason.REQUIRED, system("required"), true);
        }
    }

    /**
     * The answers kept, in the resident's language: each question by its own words (its first sentence) and each
     * answer by what the resident saw (the option's label, the language's name), never ids. In a right-to-left
     * language each part is isolated (FSI … PDI), so that a Latin answer or a number does not reorder the line.
     */
    String myData() {
        if (answers.isEmpty()) {
            return system("my_data_none");
        }
        StringBuilder b = new StringBuilder(system("my_data"));
        for (Answer a : answers) {
            Node qn = index.node(a.questionId());
            String question = qn == null || qn.text() == null ? a.questionId() : Describe.shortForm(render(qn.text(), qn));
            String shown = qn == null ? a.text() : shownAnswer(qn, a);
            b.append("\n• ").append(Describe.isolate(question, lang)).append(a.round() > 0 ? " (" + a.round() + ")" : "")
                    .append(": ").append(Describe.isolate(shown, lang));
        }
        return b.toString();
    }

    private String shownAnswer(Node qn, Answer a) {
        return switch (qn) {
            case SingleChoiceNode x -> labelOr(qn, a);
            case MultipleChoiceNode x -> labelOr(qn, a);
            case LanguageNode x -> labelOr(qn, a);
            case ScaleNode scale -> a.value() instanceof Number v ? ScaleKind.label(scale, v.intValue(), this) : a.text();
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
        Object label = argumentOf(qn, a);
        return label == null || String.valueOf(label).isBlank() ? a.text() : String.valueOf(label);
    }

    private static String typedOrValue(Answer a) {
        return a.text() == null || a.text().isBlank() ? String.valueOf(a.value()) : a.text();
    }
}
