package be.buurtstem.engine;

import be.buurtstem.engine.model.Questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test resources and a fixed clock. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Fixtures() {
    }

    static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadResult load(String resource) {
        return QuestionnaireLoader.parse(read(resource), resource.substring(resource.lastIndexOf('/') + 1));
    }

    static Questionnaire buurtleven() {
        LoadResult r = load("/questionnaires/buurtleven.yaml");
        if (r.hasErrors()) {
            throw new AssertionError("buurtleven.yaml: " + r.problems());
        }
        return r.questionnaire();
    }

    /** Drives a conversation and keeps every turn, for assertions on the whole transcript. */
    static final class Driver {
        final Conversation conv;
        Turn last;
        final StringBuilder transcript = new StringBuilder();
        final java.util.List<Event> events = new java.util.ArrayList<>();
        Instant now = T0;

        Driver(Questionnaire q, String lang) {
            conv = new Conversation(q);
            last = conv.start(lang, RespondentContext.of("test"), now);
            log(last);
        }

        Driver say(String text) {
            return send(Input.text(text));
        }

        Driver press(String id) {
            return send(Input.choice(id));
        }

        Driver send(Input input) {
            now = now.plusSeconds(7);
            transcript.append("> ").append(input).append('\n');
            // Every step goes through JSON, as it would between two messages in production.
            ConversationState restored = StateCodec.fromJson(StateCodec.toJson(last.state()));
            if (!restored.equals(last.state())) {
                throw new AssertionError("state does not round-trip: " + last.state() + "\n" + restored);
            }
            last = conv.reply(restored, input, now);
            log(last);
            return this;
        }

        private void log(Turn t) {
            for (OutboundMessage m : t.messages()) {
                transcript.append(m.text()).append('\n');
                for (Button b : m.buttons()) {
                    transcript.append("  [").append(b.id()).append("] ").append(b.label()).append('\n');
                }
            }
            events.addAll(t.events());
        }

        String node() {
            return last.state().node();
        }

        String lastText() {
            return last.messages().isEmpty() ? "" : last.messages().get(last.messages().size() - 1).text();
        }

        String allText() {
            StringBuilder b = new StringBuilder();
            last.messages().forEach(m -> b.append(m.text()).append('\n'));
            return b.toString();
        }

        Answer answer(String question) {
            return last.state().latestAnswer(question);
        }
    }
}
