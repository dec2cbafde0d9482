package be.buurtstem.engine;

import be.buurtstem.engine.golden.Player;
import be.buurtstem.engine.golden.Script;
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

    /**
     * Drives a conversation and keeps every turn, for assertions on the whole transcript: the shared
     * {@link Player} (state through JSON at every step) with the fields these tests read.
     */
    static final class Driver {
        final Conversation conv;
        final Player player;
        Turn last;
        final java.util.List<Event> events;
        /** The clock; a test may move it ({@code d.now = d.now.plus...}) before the next input. */
        Instant now = T0;

        Driver(Questionnaire q, String lang) {
            player = new Player(q, RespondentContext.of("test"), java.time.Duration.ofSeconds(7));
            conv = player.conversation();
            events = player.events();
            last = player.start(lang);
        }

        Driver say(String text) {
            return send(Input.text(text));
        }

        Driver press(String id) {
            return send(Input.choice(id));
        }

        Driver send(Input input) {
            player.at(now);
            player.note(Script.line(input));
            last = player.send(input);
            now = player.now();
            return this;
        }

        /** The conversation so far, in the golden files' notation. */
        String transcript() {
            return player.transcript();
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
