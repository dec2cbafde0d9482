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
 * One step of a conversation: {@link #begin()} or {@link #handle(Input)}, then {@link #turn()}. It builds the step's
 * immutable {@link StepContext}, its working copy of the state ({@link StepState}) and the collaborators that share
 * them ({@link Prompts}, {@link Routing}, {@link Answering}, {@link Commands}), each given only the ones it calls.
 */
public final class Step {
    private final StepContext ctx;
    private final StepState st;
    private final Prompts prompts;
    private final Routing routing;
    private final Answering answering;
    private final Commands commands;

    public Step(Conversation conv, ConversationState s, Instant now) {
        this.ctx = StepContext.of(conv, s, now);
        this.st = new StepState(s);
        this.prompts = new Prompts(ctx, st);
        this.routing = new Routing(ctx, st, prompts);
        this.answering = new Answering(ctx, st, prompts, routing);
        this.commands = new Commands(ctx, st, prompts, routing, answering);
    }

    public be.buurtstem.engine.Turn turn() {
        ConversationState s = new ConversationState(ctx.original().questionnaireId(), st.version, st.lang, st.status, st.node, st.round,
                st.await, st.misses, st.consented, st.selection, st.history, st.answers, st.rounds, st.context,
                ctx.original().startedAt(), ctx.now());
        return new be.buurtstem.engine.Turn(s, st.messages, st.events);
    }

    public void begin() {
        routing.goTo(ctx.q().startId(), null);
    }

    /**
     * The first step when the channel does not know the resident's language: the language picker, before the welcome
     * and the consent, so that nobody is asked to consent in a language they do not read.
     */
    public void askLanguageFirst() {
        st.node = ctx.q().startId();
        st.await = Await.FIRST_LANGUAGE;
        st.messages.add(prompts.languagePicker(prompts.system("choose_language")));
    }

    public void handle(Input input) {
        if (st.status.finished() || st.await == Await.NOTHING) {
            prompts.info(prompts.system("finished"));
            return;
        }
        if (!ctx.q().id().equals(ctx.original().questionnaireId())) {
            outdated();
            return;
        }
        Node n = ctx.index().node(st.node);
        if (n == null || !compatible(n)) {
            outdated();
            return;
        }
        if (st.version != ctx.q().version()) {
            // The resident started on an older version whose current node still exists: carry on with the new one.
            st.version = ctx.q().version();
            if (st.await != Await.COMMAND_CONFIRM) {
                st.selection = st.selection.stream().filter(id -> n.option(id) != null).toList();
            }
        }
        if (st.await == Await.FIRST_LANGUAGE) {
            answering.firstLanguage(input);
            return;
        }
        if (st.status == Status.STOPPED) {
            st.status = Status.ACTIVE;
            prompts.info(prompts.system("welcome_back"));
            routing.reask(n);
            return;
        }
        st.typed = input instanceof Input.Text t && Visible.any(t.text()) ? Visible.strip(t.text()) : null;
        if (st.await == Await.COMMAND_CONFIRM && commands.commandConfirm(n, input)) {
            return;
        }
        String command = commands.command(input, n);
        if (command != null) {
            commands.command(command, n);
            return;
        }
        switch (st.await) {
            case ANSWER -> answering.answer(n, input);
            case MORE -> answering.more(n, input);
            case SKIP_OFFER -> answering.skipOffer(n, input);
            case LANGUAGE -> answering.chooseLanguage(n, input);
            case DELETE_CONFIRM -> answering.deleteConfirm(n, input);
            default -> prompts.info(prompts.system("finished"));
        }
    }

    /** The current question, rendered again, without changing anything. */
    public List<OutboundMessage> currentPrompt() {
        Node n = ctx.index().node(st.node);
        if (st.status.finished() || n == null || !compatible(n)) {
            return List.of(OutboundMessage.info(prompts.system("finished")));
        }
        routing.reask(n);
        return List.copyOf(st.messages);
    }

    private boolean compatible(Node n) {
        return switch (st.await) {
            case MORE -> n instanceof RepeatNode;
            case ANSWER, SKIP_OFFER -> n instanceof Question;
            case LANGUAGE, DELETE_CONFIRM -> n instanceof Question || n instanceof RepeatNode;
            case COMMAND_CONFIRM -> n instanceof FreeTextNode;
            case FIRST_LANGUAGE -> true;
            case NOTHING -> false;
        };
    }

    private void outdated() {
        st.events.add(new Event.Outdated(ctx.original().version(), ctx.q().version()));
        prompts.info(prompts.system("outdated"));
        routing.finish(Status.ENDED);
    }
}
