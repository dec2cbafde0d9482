package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Position;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.EndNode;
import be.buurtstem.engine.model.LanguageNode;
import be.buurtstem.engine.model.MessageNode;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Question;
import be.buurtstem.engine.model.RepeatNode;
import be.buurtstem.engine.model.Route;

import java.util.List;

/** Recording an answer and moving on: routes, repeat-group rounds, asking, reprompting, skipping, finishing. */
final class Routing {
    private final StepContext ctx;
    private final StepState st;
    private final Prompts prompts;

    Routing(StepContext ctx, StepState st, Prompts prompts) {
        this.ctx = ctx;
        this.st = st;
        this.prompts = prompts;
    }

    void skip(Node n) {
        st.events.add(new Event.Skipped(n.id(), st.round));
        prompts.info(prompts.system("skipped"));
        leave(n);
        advanceFrom(n);
    }

    void record(Node n, Object value, String shown) {
        // Nothing is recorded before consent: the answer only steers this conversation.
        if (st.consented) {
            Node repeat = ctx.index().repeatOf(n.id());
            int r = repeat == null ? 0 : st.round;
            st.answers.removeIf(a -> a.questionId().equals(n.id()) && a.round() == r);
            Answer a = new Answer(ctx.q().id(), ctx.q().version(), n.id(), r, n.kind().yamlName(), value, shown == null ? "" : shown,
                    st.lang, n.segment(), n.block(), ctx.now());
            st.answers.add(a);
            st.events.add(new Event.AnswerRecorded(a));
        }
        leave(n);
        advanceFrom(n);
    }

    /** Leaving a question: remember it for "back". */
    void leave(Node n) {
        st.newQuestion();
        if (n.kind() != Kind.CONSENT && n.kind() != Kind.LANGUAGE) {
            st.history.add(new Position(n.id(), ctx.index().repeatOf(n.id()) == null ? 0 : st.round));
            if (st.history.size() > StepState.MAX_HISTORY) {
                st.history.remove(0);
            }
        }
    }

    void advanceFrom(Node n) {
        String target = null;
        Conditions.Facts facts = facts(n);
        for (Route r : n.routes()) {
            if (Conditions.holds(r.when(), facts)) {
                target = r.target();
                break;
            }
        }
        if (target == null) {
            target = n.next();
        }
        if (target == null) {
            Node following = ctx.index().repeatOf(n.id()) != null ? ctx.index().following(n.id()) : null;
            target = following != null ? following.id() : ctx.index().repeatOf(n.id()) != null ? Node.MORE : Node.END;
        }
        goTo(target, n);
    }

    void goTo(String target, Node from) {
        if (++st.hops > StepState.MAX_HOPS) {
            prompts.info(prompts.system("finished"));
            finish(Status.ENDED);
            return;
        }
        if (Node.END.equals(target)) {
            complete();
            return;
        }
        Node repeat = from == null ? null : ctx.index().repeatOf(from.id());
        if (Node.MORE.equals(target) && repeat != null) {
            endRound(repeat);
            return;
        }
        Node m = ctx.index().node(target);
        if (m == null) {
            complete();
            return;
        }
        if (ctx.index().repeatOf(m.id()) == null) {
            st.round = 0;
        }
        enter(m);
    }

    void enter(Node m) {
        switch (m) {
            case MessageNode msg -> {
                prompts.info(prompts.render(msg.text(), msg));
                advanceFrom(msg);
            }
            case EndNode end -> {
                prompts.info(prompts.render(end.text(), end));
                complete();
            }
            case RepeatNode repeat -> {
                int done = st.rounds.getOrDefault(repeat.id(), 0);
                if (repeat.max() != null && done >= repeat.max()) {
                    advanceFrom(repeat);
                    return;
                }
                if (repeat.text() != null) {
                    prompts.info(prompts.render(repeat.text(), repeat));
                }
                enterRound(repeat, done + 1);
            }
            case LanguageNode language -> {
                if (st.context.containsKey(StepState.LANGUAGE_ASKED)) {
                    // Chosen on the picker before the start: recorded (after consent), not asked twice.
                    record(language, st.lang, be.buurtstem.engine.text.Locales.nativeName(st.lang));
                } else {
                    ask(language);
                }
            }
            case Question question -> ask(question);
        }
    }

    void enterRound(Node repeat, int r) {
        st.round = r;
        if (repeat.nodes().isEmpty()) {
            finishGroup(repeat);
            return;
        }
        Node first = repeat.nodes().get(0);
        enter(first);
    }

    void endRound(Node repeat) {
        st.rounds.put(repeat.id(), st.round);
        if (repeat.max() != null && st.round >= repeat.max()) {
            st.round = 0;
            advanceFrom(repeat);
            return;
        }
        st.node = repeat.id();
        st.await = Await.MORE;
        st.misses = 0;
        st.messages.add(prompts.yesNo(prompts.render(repeat.more(), repeat)));
    }

    void finishGroup(Node repeat) {
        st.rounds.merge(repeat.id(), st.round, Math::max);
        st.round = 0;
        st.misses = 0;
        advanceFrom(repeat);
    }

    void ask(Node m) {
        st.node = m.id();
        st.await = Await.ANSWER;
        st.newQuestion();
        st.messages.add(prompts.prompt(m));
    }

    void complete() {
        st.events.add(new Event.Completed(ctx.now()));
        finish(Status.COMPLETED);
    }

    void finish(Status s) {
        st.status = s;
        st.node = null;
        st.round = 0;
        st.await = Await.NOTHING;
        st.newQuestion();
    }

    void reprompt(Node n, Reason reason, String text, boolean mayOfferSkip) {
        st.misses++;
        st.events.add(new Event.Reprompted(n.id(), reason, st.typed));
        if (mayOfferSkip && st.misses >= StepState.MISSES_BEFORE_OFFER && n.kind() != Kind.CONSENT && n.kind() != Kind.LANGUAGE) {
            st.await = Await.SKIP_OFFER;
            st.messages.add(new OutboundMessage(prompts.system("offer_skip"),
                    List.of(new Button(StepState.YES, prompts.system("skip_yes")), new Button(StepState.NO, prompts.system("skip_no"))), Expect.CHOICE));
            return;
        }
        OutboundMessage p = prompts.prompt(n);
        st.messages.add(new OutboundMessage(text, p.buttons(), p.expect()));
    }

    Await baseAwait(Node n) {
        return n.kind() == Kind.REPEAT ? Await.MORE : Await.ANSWER;
    }

    /** Shows again what the conversation waits for at this node (public: the kinds' {@code AnswerContext}). */
    public void reask(Node n) {
        switch (st.await) {
            case MORE -> st.messages.add(prompts.yesNo(prompts.render(n.more(), n)));
            case LANGUAGE -> st.messages.add(prompts.languagePicker(prompts.system("choose_language")));
            case SKIP_OFFER -> st.messages.add(new OutboundMessage(prompts.system("offer_skip"),
                    List.of(new Button(StepState.YES, prompts.system("skip_yes")), new Button(StepState.NO, prompts.system("skip_no"))), Expect.CHOICE));
            case DELETE_CONFIRM -> st.messages.add(prompts.yesNo(prompts.system("delete_confirm")));
            default -> st.messages.add(prompts.prompt(n));
        }
    }

    /**
     * A declared respondent-context parameter (e.g. {@code area} from a deep link) as a condition sees it: like an
     * answer, its value a number when it reads as one; null when the channel did not give it.
     */
    Answer contextValue(String name) {
        String v = ctx.original().context().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        Object value = v;
        Double d = be.buurtstem.engine.input.Numbers.parse(v);
        if (d != null && v.strip().matches("-?[0-9]+([.,][0-9]+)?")) {
            value = be.buurtstem.engine.input.Numbers.value(d);
        }
        return new Answer(ctx.q().id(), ctx.q().version(), name, 0, "context", value, v, st.lang, null, null, ctx.now());
    }

    Conditions.Facts facts(Node at) {
        return new Conditions.Facts() {
            @Override
            public Answer answer(String question) {
                Answer a = prompts.answerFor(question, at);
                if (a == null && ctx.q().context().contains(question) && ctx.index().node(question) == null) {
                    return contextValue(question);
                }
                return a;
            }

            @Override
            public boolean skipped(String question) {
                if (answer(question) != null) {
                    return false;
                }
                for (Position p : st.history) {
                    if (p.node().equals(question)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String language() {
                return st.lang;
            }
        };
    }
}
