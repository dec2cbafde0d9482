package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
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

import java.time.Instant;
import java.util.List;

/** Recording an answer and moving on: routes, repeat-group rounds, asking, reprompting, skipping, finishing. */
abstract sealed class Routing extends Prompts permits Answering {
    Routing(Conversation conv, ConversationState s, Instant now) {
        super(conv, s, now);
    }

    void skip(Node n) {
        events.add(new Event.Skipped(n.id(), round));
        info(system("skipped"));
        leave(n);
        advanceFrom(n);
    }

    void record(Node n, Object value, String shown) {
        // Nothing is recorded before consent: the answer only steers this conversation.
        if (consented) {
            Node repeat = index.repeatOf(n.id());
            int r = repeat == null ? 0 : round;
            answers.removeIf(a -> a.questionId().equals(n.id()) && a.round() == r);
            Answer a = new Answer(q.id(), q.version(), n.id(), r, n.kind().yamlName(), value, shown == null ? "" : shown,
                    lang, n.segment(), n.block(), now);
            answers.add(a);
            events.add(new Event.AnswerRecorded(a));
        }
        leave(n);
        advanceFrom(n);
    }

    /** Leaving a question: remember it for "back". */
    void leave(Node n) {
        misses = 0;
        selection = List.of();
        if (n.kind() != Kind.CONSENT && n.kind() != Kind.LANGUAGE) {
            history.add(new Position(n.id(), index.repeatOf(n.id()) == null ? 0 : round));
            if (history.size() > MAX_HISTORY) {
                history.remove(0);
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
            Node following = index.repeatOf(n.id()) != null ? index.following(n.id()) : null;
            target = following != null ? following.id() : index.repeatOf(n.id()) != null ? Node.MORE : Node.END;
        }
        goTo(target, n);
    }

    void goTo(String target, Node from) {
        if (++hops > MAX_HOPS) {
            info(system("finished"));
            finish(Status.ENDED);
            return;
        }
        if (Node.END.equals(target)) {
            complete();
            return;
        }
        Node repeat = from == null ? null : index.repeatOf(from.id());
        if (Node.MORE.equals(target) && repeat != null) {
            endRound(repeat);
            return;
        }
        Node m = index.node(target);
        if (m == null) {
            complete();
            return;
        }
        if (index.repeatOf(m.id()) == null) {
            round = 0;
        }
        enter(m);
    }

    void enter(Node m) {
        switch (m) {
            case MessageNode msg -> {
                info(render(msg.text(), msg));
                advanceFrom(msg);
            }
            case EndNode end -> {
                info(render(end.text(), end));
                complete();
            }
            case RepeatNode repeat -> {
                int done = rounds.getOrDefault(repeat.id(), 0);
                if (repeat.max() != null && done >= repeat.max()) {
                    advanceFrom(repeat);
                    return;
                }
                if (repeat.text() != null) {
                    info(render(repeat.text(), repeat));
                }
                enterRound(repeat, done + 1);
            }
            case LanguageNode language -> {
                if (context.containsKey(LANGUAGE_ASKED)) {
                    // Chosen on the picker before the start: recorded (after consent), not asked twice.
                    record(language, lang, be.buurtstem.engine.text.Locales.nativeName(lang));
                } else {
                    ask(language);
                }
            }
            case Question question -> ask(question);
        }
    }

    void enterRound(Node repeat, int r) {
        round = r;
        if (repeat.nodes().isEmpty()) {
            finishGroup(repeat);
            return;
        }
        Node first = repeat.nodes().get(0);
        enter(first);
    }

    void endRound(Node repeat) {
        rounds.put(repeat.id(), round);
        if (repeat.max() != null && round >= repeat.max()) {
            round = 0;
            advanceFrom(repeat);
            return;
        }
        node = repeat.id();
        await = Await.MORE;
        misses = 0;
        messages.add(yesNo(render(repeat.more(), repeat)));
    }

    void finishGroup(Node repeat) {
        rounds.merge(repeat.id(), round, Math::max);
        round = 0;
        misses = 0;
        advanceFrom(repeat);
    }

    void ask(Node m) {
        node = m.id();
        await = Await.ANSWER;
        misses = 0;
        selection = List.of();
        messages.add(prompt(m));
    }

    void complete() {
        events.add(new Event.Completed(now));
        finish(Status.COMPLETED);
    }

    void finish(Status s) {
        status = s;
        node = null;
        round = 0;
        await = Await.NOTHING;
        misses = 0;
        selection = List.of();
    }

    void reprompt(Node n, Reason reason, String text, boolean mayOfferSkip) {
        misses++;
        events.add(new Event.Reprompted(n.id(), reason, typed));
        if (mayOfferSkip && misses >= MISSES_BEFORE_OFFER && n.kind() != Kind.CONSENT && n.kind() != Kind.LANGUAGE) {
            await = Await.SKIP_OFFER;
            messages.add(new OutboundMessage(system("offer_skip"),
                    List.of(new Button(YES, system("skip_yes")), new Button(NO, system("skip_no"))), Expect.CHOICE));
            return;
        }
        OutboundMessage p = prompt(n);
        messages.add(new OutboundMessage(text, p.buttons(), p.expect()));
    }

    Await baseAwait(Node n) {
        return n.kind() == Kind.REPEAT ? Await.MORE : Await.ANSWER;
    }

    /** Shows again what the conversation waits for at this node (public: the kinds' {@code AnswerContext}). */
    public void reask(Node n) {
        switch (await) {
            case MORE -> messages.add(yesNo(render(n.more(), n)));
            case LANGUAGE -> messages.add(languagePicker(system("choose_language")));
            case SKIP_OFFER -> messages.add(new OutboundMessage(system("offer_skip"),
                    List.of(new Button(YES, system("skip_yes")), new Button(NO, system("skip_no"))), Expect.CHOICE));
            case DELETE_CONFIRM -> messages.add(yesNo(system("delete_confirm")));
            default -> messages.add(prompt(n));
        }
    }

    /**
     * A declared respondent-context parameter (e.g. {@code area} from a deep link) as a condition sees it: like an
     * answer, its value a number when it reads as one; null when the channel did not give it.
     */
    Answer contextValue(String name) {
        String v = original.context().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        Object value = v;
        Double d = be.buurtstem.engine.input.Numbers.parse(v);
        if (d != null && v.strip().matches("-?[0-9]+([.,][0-9]+)?")) {
            value = be.buurtstem.engine.input.Numbers.value(d);
        }
        return new Answer(q.id(), q.version(), name, 0, "context", value, v, lang, null, null, now);
    }

    Conditions.Facts facts(Node at) {
        return new Conditions.Facts() {
            @Override
            public Answer answer(String question) {
                Answer a = answerFor(question, at);
                if (a == null && q.context().contains(question) && index.node(question) == null) {
                    return contextValue(question);
                }
                return a;
            }

            @Override
            public boolean skipped(String question) {
                if (answer(question) != null) {
                    return false;
                }
                for (Position p : history) {
                    if (p.node().equals(question)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String language() {
                return lang;
            }
        };
    }
}
