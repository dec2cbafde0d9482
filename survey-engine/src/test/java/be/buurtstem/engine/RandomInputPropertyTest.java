package be.buurtstem.engine;

import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random conversations (reproducible: the seed is in the failure message). Whatever a resident sends,
 * the engine answers without throwing, never loses a recorded answer, and its state survives JSON unchanged.
 */
class RandomInputPropertyTest {
    private static final List<String> WORDS = List.of("stop", "/stop", "terug", "/back", "overslaan", "skip", "taal",
            "langue", "help", "/aide", "mijn gegevens", "my data", "delete my answers", "/delete", "ja", "nee", "oui",
            "non", "نعم", "لا", "evet", "hayır", "yes", "no", "klaar", "done", "/start", "/", "?", "", " ", "\n",
            "1", "2", "3", "٣", "۳", "0", "-1", "99999999999999999999", "2,5", "1, 2, 3", "1 3", "😄", "👍🏽", "🙂🙂",
            "🌳", "‮reversed", "\u0000", "\uD83D", "a".repeat(5000), "{0}", "{name}", "'", "''{", "Nooit", "centrum",
            "Arabic", "العربية", "Türkçe", "fr", "ar", "_done", "_more", "_end", "none", "park", "kids", "good");

    private static Input randomInput(Random r, Turn last) {
        List<OutboundMessage> shown = last.messages();
        List<Button> buttons = shown.isEmpty() ? List.of() : shown.get(shown.size() - 1).buttons();
        return switch (r.nextInt(10)) {
            case 0, 1 -> buttons.isEmpty() ? Input.text("x") : Input.choice(buttons.get(r.nextInt(buttons.size())).id());
            case 2, 3 -> Input.text(WORDS.get(r.nextInt(WORDS.size())));
            case 4 -> Input.text(randomString(r));
            case 5 -> Input.choice(r.nextBoolean() ? WORDS.get(r.nextInt(WORDS.size())) : randomString(r));
            case 6 -> new Input.Location(r.nextBoolean() ? r.nextGaussian() * 100 : Double.NaN, r.nextDouble() * 400 - 200);
            case 7 -> new Input.Photo(r.nextBoolean() ? null : "file-" + r.nextInt(100), r.nextBoolean() ? null : randomString(r));
            case 8 -> r.nextBoolean() ? new Input.Text(null) : new Input.Choice(null);
            default -> Input.text(Integer.toString(r.nextInt(30)));
        };
    }

    private static String randomString(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            int block = r.nextInt(6);
            int cp = switch (block) {
                case 0 -> 0x20 + r.nextInt(0x5f);          // ASCII
                case 1 -> 0x600 + r.nextInt(0x100);         // Arabic, including digits and marks
                case 2 -> 0x1F300 + r.nextInt(0x300);       // emoji
                case 3 -> 0xC0 + r.nextInt(0x180);          // Latin with accents, Turkish letters
                case 4 -> 0xFF01 + r.nextInt(0x5e);         // full-width forms
                default -> r.nextInt(0x3000);               // anything, including controls and combining marks
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    @Test
    void randomInputNeverThrowsAndNeverLosesAnAnswer() {
        Questionnaire q = Fixtures.buurtleven();
        Conversation conv = new Conversation(q);
        for (long seed = 1; seed <= 150; seed++) {
            Random r = new Random(seed);
            String[] langs = {"nl", "fr", "ar", "tr", "en", "nl-BE", "de", ""};
            Instant now = Fixtures.T0;
            Turn t = conv.start(langs[r.nextInt(langs.length)], RespondentContext.of("test"), now);
            Map<String, Answer> recorded = new HashMap<>();
            for (int step = 0; step < 120 && !t.finished(); step++) {
                Input input = randomInput(r, t);
                ConversationState before = StateCodec.fromJson(StateCodec.toJson(t.state()));
                assertEquals(t.state(), before, "seed " + seed + " step " + step + ": JSON round trip");
                now = now.plusSeconds(1 + r.nextInt(100_000));
                Turn next = conv.reply(before, input, now);
                final long s = seed;
                final int st = step;
                // Conversation.reply falls back to the unchanged state object only when something threw inside.
                assertNotSame(before, next.state(), () -> "seed " + s + " step " + st + ": the engine hit an exception on " + input);
                assertFalse(next.messages().isEmpty(), () -> "seed " + s + " step " + st + ": no reply to " + input);
                next.messages().forEach(m -> assertNotNull(m.text()));
                for (Event e : next.events()) {
                    if (e instanceof Event.AnswerRecorded a) {
                        recorded.put(a.answer().questionId() + "#" + a.answer().round(), a.answer());
                    }
                    if (e instanceof Event.DeleteRequested || e instanceof Event.ConsentRefused) {
                        recorded.clear();
                    }
                }
                Map<String, Answer> inState = new HashMap<>();
                next.state().answers().forEach(a -> inState.put(a.questionId() + "#" + a.round(), a));
                assertEquals(recorded, inState, () -> "seed " + s + " step " + st + ": answers lost or invented after " + input);
                t = next;
            }
        }
    }

    /** Random valid answers: walks every branch, and checks the state's JSON round trip at every node it waits on. */
    @Test
    void stateRoundTripsAtEveryNode() {
        Questionnaire q = Fixtures.buurtleven();
        Conversation conv = new Conversation(q);
        Set<String> visited = new HashSet<>();
        for (long seed = 1; seed <= 120; seed++) {
            Random r = new Random(seed);
            Turn t = conv.start("nl", RespondentContext.NONE, Fixtures.T0);
            for (int step = 0; step < 200 && !t.finished(); step++) {
                ConversationState s = t.state();
                visited.add(s.node() + "/" + s.await());
                assertEquals(s, StateCodec.fromJson(StateCodec.toJson(s)), "at " + s.node());
                OutboundMessage m = t.messages().get(t.messages().size() - 1);
                Input in = switch (m.expect()) {
                    case CHOICE -> s.node().equals("consent") ? Input.choice("yes")
                            : Input.choice(m.buttons().get(r.nextInt(m.buttons().size())).id());
                    case MULTIPLE -> r.nextInt(3) == 0 ? Input.choice("_done") : Input.choice(m.buttons().get(r.nextInt(m.buttons().size() - 1)).id());
                    case NUMBER -> Input.text(Integer.toString(1 + r.nextInt(14)));
                    case LOCATION -> r.nextBoolean() ? new Input.Location(50.85, 4.35) : Input.text("Kerkstraat 5");
                    case PHOTO -> r.nextBoolean() ? new Input.Photo("f" + step, "caption") : Input.text("overslaan");
                    default -> Input.text("antwoord " + step);
                };
                t = conv.reply(s, in, Fixtures.T0.plusSeconds(step));
            }
            assertTrue(t.finished(), "seed " + seed + " did not finish");
            assertEquals(StateCodec.fromJson(StateCodec.toJson(t.state())), t.state());
        }
        NodeIndex index = NodeIndex.of(q);
        for (Node n : index.all().values()) {
            if (n.kind().isQuestion()) {
                assertTrue(visited.contains(n.id() + "/ANSWER"), "never waited at " + n.id() + ": " + visited);
            }
            if (n.kind() == Kind.REPEAT) {
                assertTrue(visited.contains(n.id() + "/MORE"), "never asked for another round of " + n.id());
            }
        }
    }

    @Test
    void jsonFormIsStableAndReadable() {
        Fixtures.Driver d = ConversationBehaviourTest.toMap("ar").say("Parc").press("good");
        String json = StateCodec.toJson(d.last.state());
        assertTrue(json.contains("\"questionnaire\":\"buurtleven\""), json);
        assertTrue(json.contains("\"await\":\"ANSWER\""), json);
        assertTrue(json.contains("\"value\":[\"none\"]"), json);
        assertTrue(json.contains("\"value\":\"Parc\""), json);
        assertEquals(d.last.state(), StateCodec.fromJson(json));
        // A single answer is written by the same writer as inside the state, so the two forms are the same JSON.
        Answer last = d.last.state().answers().getLast();
        assertTrue(json.contains(StateCodec.answer(last).toString()), json);
    }

    @Test
    void garbageIsRejectedWithAClearException() {
        for (String bad : new String[]{"", "[]", "{}", "{\"status\":\"NOPE\"}", "not json"}) {
            try {
                StateCodec.fromJson(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("not a conversation state"));
            }
        }
    }
}
