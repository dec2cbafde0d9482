package be.buurtstem.bot.cli;

import be.buurtstem.bot.files.xlsform.TestForms;
import be.buurtstem.bot.service.questionnaires.QuestionnaireFile;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.golden.LineDiff;
import be.buurtstem.engine.golden.Script;
import be.buurtstem.engine.golden.Transcript;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert} both ways on the bundled questionnaires: YAML → XLSForm → YAML keeps the meaning, checked as a
 * resident would notice it: the same replies give the same transcript and the same recorded answers from the
 * original YAML, from the XLSForm (played directly) and from the YAML converted back.
 */
class ConvertCommandTest {
    static final Path BUNDLED = Path.of("../content/src/main/resources/be/buurtstem/content/questionnaires");
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Path GOLDEN = Path.of("../content/src/test/resources/golden");

    @TempDir
    Path tmp;

    static CliRun play(Path file, String lang, Path script) {
        return CliRun.run(cl -> {
            PlayCommand play = cl.getSubcommands().get("play").getCommand();
            play.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        }, "play", file.toString(), "--lang", lang, "--script", script.toString(), "--events");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stellingen", "buurtkaart", "inclusieweb"})
    void aRoundTripGivesTheSameConversations(String id) throws IOException {
        Path yaml = BUNDLED.resolve(id + ".yaml");
        Path xlsx = tmp.resolve(id + ".xlsx");
        Path back = tmp.resolve(id + "-back.yaml");
        CliRun there = CliRun.run("convert", yaml.toString(), xlsx.toString());
        assertEquals(0, there.exit(), there.out() + there.err());
        CliRun home = CliRun.run("convert", xlsx.toString(), back.toString());
        assertEquals(0, home.exit(), home.out() + home.err());
        assertTrue(Files.readString(back).startsWith("# Converted from " + id + ".xlsx"));

        Questionnaire q = QuestionnaireLoader.parse(Files.readString(yaml), yaml.toString()).questionnaire();
        int completed = 0;
        // one walk per language, each on its own seed (so each takes other branches); kept small for the test's time
        for (String lang : q.languages()) {
            for (int seed = q.languages().indexOf(lang) + 1, n = 0; n < 1; n++) {
                Path script = tmp.resolve(id + "-" + lang + "-" + seed + ".txt");
                Files.writeString(script, String.join("\n", walk(q, lang, seed)) + "\n", StandardCharsets.UTF_8);
                CliRun original = play(yaml, lang, script);
                completed += original.out().contains("— conversation completed —") ? 1 : 0;
                assertEquals(original.out(), play(xlsx, lang, script).out(), "the XLSForm, " + lang + " seed " + seed);
                assertEquals(original.out(), play(back, lang, script).out(), "converted back, " + lang + " seed " + seed);
            }
        }
        assertEquals(q.languages().size(), completed, "every walk reaches the end");
    }

    /**
     * The golden scripts of the bundled questionnaires ({@code content/src/test/resources/golden/}) give exactly their
     * committed transcript, messages, buttons, events and final state, on the original YAML, on the XLSForm and on the
     * YAML converted back: the same transcript for the same script.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stellingen", "buurtkaart", "inclusieweb"})
    void theGoldenScriptsGiveTheirTranscriptsAfterARoundTrip(String id) throws IOException {
        Path yaml = BUNDLED.resolve(id + ".yaml");
        Path xlsx = tmp.resolve(id + ".xlsx");
        Path back = tmp.resolve(id + "-back.yaml");
        assertEquals(0, CliRun.run("convert", yaml.toString(), xlsx.toString()).exit());
        assertEquals(0, CliRun.run("convert", xlsx.toString(), back.toString()).exit());
        Map<String, Questionnaire> versions = new java.util.LinkedHashMap<>();
        for (Path p : List.of(yaml, xlsx, back)) {
            QuestionnaireFile.Text text = (QuestionnaireFile.Text) QuestionnaireFile.read(p, p.getFileName().toString());
            var loaded = QuestionnaireLoader.parse(text.text(), p.getFileName().toString());
            assertFalse(loaded.hasErrors(), p + ": " + loaded.problems());
            versions.put(p.getFileName().toString(), loaded.questionnaire());
        }
        List<Path> goldens;
        try (var files = Files.list(GOLDEN)) {
            goldens = files.filter(f -> f.toString().endsWith(".transcript")).sorted().toList();
        }
        int played = 0;
        for (Path golden : goldens) {
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            Script script = Script.parse(golden.getFileName().toString(), expected);
            if (!script.questionnaire().endsWith("/" + id + ".yaml")) {
                continue;
            }
            played++;
            for (var v : versions.entrySet()) {
                String actual = Transcript.play(script, v.getValue());
                assertEquals(expected, actual, () -> golden.getFileName() + " on " + v.getKey() + " (- golden, + played):\n"
                        + LineDiff.diff(expected, actual));
            }
        }
        assertTrue(played >= 3, "at least three golden scripts of " + id + ", found " + played);
    }

    /**
     * Replies a resident could give, chosen by a seeded random walk over the original questionnaire (button
     * numbers as {@code play} reads them, typed texts, numbers, locations and photos), always consenting.
     */
    static List<String> walk(Questionnaire q, String lang, int seed) {
        Random random = new Random(seed);
        Conversation c = new Conversation(q);
        RespondentContext ctx = new RespondentContext("cli", Map.of(RespondentContext.SHOWS, RespondentContext.NUMBERED));
        Turn t = c.start(lang, ctx, NOW);
        List<String> replies = new ArrayList<>();
        List<String> texts = List.of("De bus komt altijd te laat", "Meer groen en bankjes", "Le parc est sale", "ja", "nee");
        while (!t.finished() && replies.size() < 400) {
            OutboundMessage last = t.messages().getLast();
            List<Button> buttons = last.buttons();
            String reply;
            if (!buttons.isEmpty()) {
                List<Integer> choices = new ArrayList<>();
                for (int i = 0; i < buttons.size(); i++) {
                    String b = buttons.get(i).id();
                    boolean command = b.startsWith("/") || b.equals("_answer") || b.equals("_done");
                    if (!command && !(b.equals("no") && last.expect() == Expect.CHOICE && isConsent(t.state(), q))) {
                        choices.add(i);
                    }
                }
                int done = indexOf(buttons, "_done");
                if (last.expect() == Expect.MULTIPLE && done >= 0 && !t.state().selection().isEmpty()) {
                    reply = Integer.toString(done + 1);
                } else {
                    reply = Integer.toString(choices.get(random.nextInt(choices.size())) + 1);
                }
            } else {
                reply = switch (last.expect()) {
                    case NUMBER -> List.of("3", "12", "٤٥", "1").get(random.nextInt(4));
                    case LOCATION -> random.nextBoolean() ? "@location 51.0543 3.7174" : "Kerkstraat";
                    case PHOTO -> "@photo foto-1.jpg kapotte bank";
                    default -> texts.get(random.nextInt(texts.size()));
                };
            }
            replies.add(reply);
            t = c.reply(t.state(), PlayCommand.toInput(reply, t.messages()), NOW);
        }
        assertTrue(t.finished(), "the walk finishes within 400 replies: " + replies);
        return replies;
    }

    private static boolean isConsent(ConversationState s, Questionnaire q) {
        return s.node() != null && be.buurtstem.engine.model.NodeIndex.of(q).node(s.node()) != null
                && be.buurtstem.engine.model.NodeIndex.of(q).node(s.node()).kind() == be.buurtstem.engine.model.Kind.CONSENT;
    }

    private static int indexOf(List<Button> buttons, String id) {
        for (int i = 0; i < buttons.size(); i++) {
            if (buttons.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anXlsFormBecomesYamlThatPlays() throws IOException {
        Path form = TestForms.write(tmp.resolve("buurtfeest.xlsx"),
                "survey", """
                        type | name | label::Nederlands (nl) | label::Français (fr) | relevant | required
                        select_one yn | komt | Komt u naar het buurtfeest? | Venez-vous à la fête ? | | yes
                        integer | hoeveel | Met hoeveel personen? | Combien de personnes ? | ${komt} = 'ja' | yes
                        text | waarom | Waarom niet? | Pourquoi pas ? | ${komt} = 'nee' |
                        """,
                "choices", """
                        list_name | name | label::Nederlands (nl) | label::Français (fr)
                        yn | ja | Ja | Oui
                        yn | nee | Nee | Non
                        """,
                "settings", "form_id | form_title\nbuurtfeest | Buurtfeest");
        Path yaml = tmp.resolve("buurtfeest.yaml");
        CliRun r = CliRun.run("convert", form.toString(), yaml.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("written: " + yaml), r.out());
        Path script = tmp.resolve("s.txt");
        Files.writeString(script, "2\nik werk die dag\n");
        CliRun p = play(yaml, "nl", script);
        assertEquals(0, p.exit(), p.out() + p.err());
        assertTrue(p.out().contains("bot: Waarom niet?"), p.out());
        assertFalse(p.out().contains("Met hoeveel personen?"), "the question not relevant for 'nee' is not asked: " + p.out());
        assertTrue(p.out().contains("bot: Bedankt voor uw antwoorden!"), p.out());
        assertTrue(p.out().contains("\"value\" : \"ik werk die dag\""), p.out());
    }

    @Test
    void anXlsFormWithAnUntranslatableRowIsNotConverted() throws IOException {
        Path form = TestForms.write(tmp.resolve("kapot.xlsx"), "survey", """
                type | name | label | relevant
                integer | a | A? |
                text | b | B? | ${a} * 2 > 10
                """);
        Path yaml = tmp.resolve("kapot.yaml");
        CliRun r = CliRun.run("convert", form.toString(), yaml.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(form + ":survey:3: relevant '${a} * 2 > 10' cannot be translated: '*'"), r.out());
        assertTrue(r.out().contains("not converted: " + form + " has errors"), r.out());
        assertFalse(Files.exists(yaml), "nothing is written");
    }

    @Test
    void theExtensionsMustSayWhichWay() {
        CliRun r = CliRun.run("convert", "a.yaml", "b.yml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("convert reads an .xlsx and writes a .yaml, or reads a .yaml/.yml and writes an .xlsx"), r.err());
    }

    @Test
    void validateAndPlayReadXlsFormsWithRowsInTheirProblems() throws IOException {
        Path form = TestForms.write(tmp.resolve("rij.xlsx"), "survey", """
                type | name | label
                select_one missing | a | A?
                """);
        CliRun v = CliRun.run("validate", form.toString());
        assertEquals(1, v.exit());
        assertTrue(v.out().contains(form + ":survey:2: the choice list 'missing' is not on the choices sheet"), v.out());
        assertTrue(v.out().lines().filter(l -> l.startsWith(form.toString())).allMatch(l -> l.startsWith(form + ":survey:2: ")
                || l.startsWith(form + ":survey:1: warning")), v.out());
        CliRun p = CliRun.run("play", form.toString());
        assertEquals(1, p.exit());
        assertTrue(p.err().contains(form + ":survey:2: the choice list 'missing' is not on the choices sheet"), p.err());
    }
}
