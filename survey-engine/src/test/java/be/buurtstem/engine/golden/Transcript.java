package be.buurtstem.engine.golden;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.model.Questionnaire;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plays a {@link Script} with a {@link Player} (the engine's public API, as a channel uses it) and writes the whole
 * golden file: the header, then each input with what the engine sent ({@code <} a message, {@code |} its further lines, {@code [id] label} its buttons, {@code ~} what it waits for),
 * the events ({@code *}) and at the end the state ({@code =}). The clock starts at {@link #T0} and moves 20 seconds
 * per input, so a transcript is the same on every run.
 */
public final class Transcript {
    public static final Instant T0 = Player.T0;
    static final Duration STEP = Duration.ofSeconds(20);

    private Transcript() {
    }

    /** The golden file's text for this script on this questionnaire. */
    public static String play(Script script, Questionnaire questionnaire) {
        Player p = new Player(questionnaire, script.context(), STEP);
        script.header().forEach(p::note);
        if (!script.header().isEmpty()) {
            p.note("");
        }
        p.start(script.language());
        for (Script.Step step : script.steps()) {
            step.comments().forEach(p::note);
            p.note(step.line());
            switch (step.action()) {
                case Script.Wait w -> p.pass(w.duration());
                case Script.Start s -> p.start(s.language());
                case Script.Send send -> p.send(send.input());
            }
        }
        script.trailingComments().forEach(p::note);
        p.note(state(Player.stored(p.state())));
        return p.transcript();
    }

    /** A turn's messages and events in the golden notation. */
    static void write(Turn t, StringBuilder out) {
        for (OutboundMessage m : t.messages()) {
            List<String> lines = m.text().lines().toList();
            if (lines.isEmpty()) {
                out.append("<\n");
            }
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                out.append(i == 0 ? "<" : "|").append(l.isEmpty() ? "" : " " + l).append('\n');
            }
            for (Button b : m.buttons()) {
                out.append("  [").append(b.id()).append("] ").append(b.label()).append('\n');
            }
            if (m.expect() != Expect.NOTHING) {
                out.append("  ~ waits for ").append(m.expect().name().toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        for (Event e : t.events()) {
            out.append("* ").append(event(e)).append('\n');
        }
    }

    /** One event in words; every field that a report or an analysis reads is shown, the instants are not (fixed clock). */
    static String event(Event e) {
        return switch (e) {
            case Event.AnswerRecorded a -> "answer " + answer(a.answer());
            case Event.Reprompted r -> "reprompted at " + r.questionId() + ": " + r.reason().name().toLowerCase(Locale.ROOT)
                    + (r.typed() == null ? "" : " (typed " + Script.quoteIfNeeded(r.typed()) + ")");
            case Event.Skipped s -> "skipped " + s.questionId() + (s.round() > 0 ? "#" + s.round() : "");
            case Event.LanguageChanged l -> "language " + l.from() + " → " + l.to();
            case Event.ConsentGiven c -> "consent given (version " + c.version() + ")";
            case Event.ConsentRefused c -> "consent refused (version " + c.version() + ")";
            case Event.DeleteRequested d -> "delete requested";
            case Event.DataRequested d -> "data requested";
            case Event.Stopped s -> "stopped";
            case Event.Completed c -> "completed";
            case Event.Outdated o -> "outdated (state version " + o.stateVersion() + ", questionnaire version "
                    + o.questionnaireVersion() + ")";
        };
    }

    static String answer(Answer a) {
        StringBuilder b = new StringBuilder(a.questionId());
        if (a.round() > 0) {
            b.append('#').append(a.round());
        }
        String value = value(a.value());
        b.append(" = ").append(value);
        if (a.text() != null && !a.text().equals(String.valueOf(a.value()))) {
            b.append(" (").append(Script.quote(a.text())).append(')');
        }
        b.append(" [").append(a.kind()).append(", ").append(a.language());
        if (a.segment() != null) {
            b.append(", segment ").append(a.segment());
        }
        if (a.block() != null) {
            b.append(", block ").append(a.block());
        }
        return b.append(']').toString();
    }

    /** A language-independent answer value: ids and words as typed (quoted when needed), lists, numbers (a decimal always with its point), maps. */
    static String value(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> s.matches("[\\p{L}\\p{N}_.+-]+") ? s : Script.quote(s);
            case List<?> l -> l.stream().map(Transcript::value).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> m -> new TreeMap<>(m).entrySet().stream().map(x -> x.getKey() + ": " + value(x.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> v.toString();
        };
    }

    /** The final state in one line, then the answers it keeps (question ids in order, {@code #round} in a repeat). */
    static String state(ConversationState s) {
        String where = s.node() == null ? "-" : s.node() + (s.round() > 0 ? "#" + s.round() : "");
        String rounds = s.rounds().isEmpty() ? "" : ", rounds " + new TreeMap<>(s.rounds());
        StringBuilder out = new StringBuilder("= " + s.status().name().toLowerCase(Locale.ROOT) + " in " + s.language()
                + (s.consented() ? ", consented" : "") + ", at " + where + ", waits for "
                + s.await().name().toLowerCase(Locale.ROOT) + rounds + "\n= answers (" + s.answers().size() + ")");
        String line = s.answers().isEmpty() ? "" : ":";
        for (Answer a : s.answers()) {
            String id = a.questionId() + (a.round() > 0 ? "#" + a.round() : "");
            if (line.length() + id.length() > 100) { // wrapped, so that a diff points at the answer that changed
                out.append(line).append("\n=  ");
                line = "";
            }
            line += " " + id;
        }
        return out.append(line).toString();
    }
}
