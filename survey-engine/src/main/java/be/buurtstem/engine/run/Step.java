package be.buurtstem.engine.run;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.FreeTextNode;
import be.buurtstem.engine.model.Question;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.text.Visible;

import java.time.Instant;
import java.util.List;

/**
 * One step of a conversation: {@link #begin()} or {@link #handle(Input)}, then {@link #turn()}. The state and the
 * logic live in the layers below (see {@link StepState}).
 */
public final class Step extends Commands {
    public Step(Conversation conv, ConversationState s, Instant now) {
        super(conv, s, now);
    }

    public be.buurtstem.engine.Turn turn() {
        ConversationState s = new ConversationState(original.questionnaireId(), version, lang, status, node, round,
                await, misses, consented, selection, history, answers, rounds, context,
                original.startedAt(), now);
        return new be.buurtstem.engine.Turn(s, messages, events);
    }

    public void begin() {
        goTo(q.startId(), null);
    }

    /**
     * The first step when the channel does not know the resident's language: the language picker, before the welcome
     * and the consent, so that nobody is asked to consent in a language they do not read.
     */
    public void askLanguageFirst() {
        node = q.startId();
        await = Await.FIRST_LANGUAGE;
        messages.add(languagePicker(system("choose_language")));
    }

    public void handle(Input input) {
        if (status.finished() || await == Await.NOTHING) {
            info(system("finished"));
            return;
        }
        if (!q.id().equals(original.questionnaireId())) {
            outdated();
            return;
        }
        Node n = index.node(node);
        if (n == null || !compatible(n)) {
            outdated();
            return;
        }
        if (version != q.version()) {
            // The resident started on an older version whose current node still exists: carry on with the new one.
            version = q.version();
            if (await != Await.COMMAND_CONFIRM) {
                selection = selection.stream().filter(id -> n.option(id) != null).toList();
            }
        }
        if (await == Await.FIRST_LANGUAGE) {
            firstLanguage(input);
            return;
        }
        if (status == Status.STOPPED) {
            status = Status.ACTIVE;
            info(system("welcome_back"));
            reask(n);
            return;
        }
        typed = input instanceof Input.Text t && Visible.any(t.text()) ? Visible.strip(t.text()) : null;
        if (await == Await.COMMAND_CONFIRM && commandConfirm(n, input)) {
            return;
        }
        String command = command(input, n);
        if (command != null) {
            command(command, n);
            return;
        }
        switch (await) {
            case ANSWER -> answer(n, input);
            case MORE -> more(n, input);
            case SKIP_OFFER -> skipOffer(n, input);
            case LANGUAGE -> chooseLanguage(n, input);
            case DELETE_CONFIRM -> deleteConfirm(n, input);
            default -> info(system("finished"));
        }
    }

    /** The current question, rendered again, without changing anything. */
    public List<OutboundMessage> currentPrompt() {
        Node n = index.node(node);
        if (status.finished() || n == null || !compatible(n)) {
            return List.of(OutboundMessage.info(system("finished")));
        }
        reask(n);
        return List.copyOf(messages);
    }

    private boolean compatible(Node n) {
        return switch (await) {
            case MORE -> n instanceof RepeatNode;
            case ANSWER, SKIP_OFFER -> n instanceof Question;
            case LANGUAGE, DELETE_CONFIRM -> n instanceof Question || n instanceof RepeatNode;
            case COMMAND_CONFIRM -> n instanceof FreeTextNode;
            case FIRST_LANGUAGE -> true;
            case NOTHING -> false;
        };
    }

    private void outdated() {
        events.add(new Event.Outdated(original.version(), q.version()));
        info(system("outdated"));
        finish(Status.ENDED);
    }
}
