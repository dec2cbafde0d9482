package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
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
import be.buurtstem.engine.model.Kind;
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
            // At a free-text question a bare word is an answer ("dil", "hulp", "stop" are likely answers to
            // "what makes work hard?"): only a /command is a command there. The help text says so.
            return null;
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

    void command(String command, Node n) {
        switch (command) {
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
        switch (n.kind()) {
            case CONSENT -> reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_yes_no"), false);
            case LANGUAGE -> advanceFrom(n);
            default -> {
                if (n.required()) {
                    reprompt(n, Reason.REQUIRED, system("required"), true);
                } else {
                    skip(n);
                }
            }
        }
    }

    String myData() {
        if (answers.isEmpty()) {
            return system("my_data_none");
        }
        StringBuilder b = new StringBuilder(system("my_data"));
        for (Answer a : answers) {
            Node qn = index.node(a.questionId());
            String question = qn == null ? a.questionId() : firstLine(render(qn.text(), qn));
            b.append("\n• ").append(question).append(a.round() > 0 ? " (" + a.round() + ")" : "").append(": ").append(a.text());
        }
        return b.toString();
    }

    static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }
}
