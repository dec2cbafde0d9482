package be.buurtstem.bot.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code play} on the real questionnaire file with scripted replies in each language. */
class PlayCommandTest {

    private static Map<String, JsonNode> answers(String out) {
        String json = out.substring(out.indexOf("answers:\n") + "answers:\n".length());
        Map<String, JsonNode> byQuestion = new HashMap<>();
        for (JsonNode a : JsonMapper.builder().build().readTree(json)) {
            byQuestion.put(a.get("question").asString() + "#" + a.get("round").asInt(), a);
        }
        return byQuestion;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            nl | you: ja         | 11 buren bij naam, mooi!           | Dank je wel! We nemen je stem mee naar het buurtoverleg in Centrum. 💚
            fr | you: oui        | 11 voisins par leur nom, super !   | Merci beaucoup ! Nous porterons votre voix à la réunion de quartier (Centre). 💚
            ar | you: \u2067نعم\u2069 | جاراً تعرفهم بالاسم.        | شكراً جزيلاً! سنحمل صوتك إلى اجتماع الحي (\u2068الوسط\u2069). 💚
            tr | you: evet       | 11 komşuyu adıyla tanıyorsunuz     | Çok teşekkürler! Sesinizi mahalle toplantısına (Merkez) taşıyacağız. 💚
            en | you: yes        | 11 neighbours by name, lovely!     | Thank you so much! We'll take your voice to the neighbourhood meeting (Centre). 💚
            """)
    void scriptedConversationInEachLanguage(String lang, String residentLine, String pluralLine, String closing) {
        String script = CliRun.SCRIPTS.resolve(lang + ".txt").toString();
        CliRun r = CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--lang", lang, "--script", script);
        assertEquals(0, r.exit(), r.out() + r.err());
        String out = r.out().replace("\\u2067", "\u2067").replace("\\u2069", "\u2069").replace("\\u2068", "\u2068");
        assertTrue(out.contains("  1. Nederlands\n  2. Français\n  3. "), out);
        assertTrue(out.contains(unescape(residentLine) + "\n"), out);
        assertTrue(out.contains(unescape(pluralLine)), out);
        assertTrue(out.contains(unescape(closing)), out);
        assertTrue(out.contains("— conversation completed —"), out);
        Map<String, JsonNode> a = answers(out);
        assertEquals(12, a.get("years_here#0").get("value").asInt());
        assertEquals("a30_49", a.get("age_band#0").get("value").asString());
        assertEquals("centrum", a.get("area#0").get("value").asString());
        assertEquals("[\"damp\",\"noise\"]", a.get("housing_issue#0").get("value").toString());
        assertEquals("daily", a.get("green_use#0").get("value").asString());
        assertEquals("[\"park\",\"market\"]", a.get("meet_places#0").get("value").toString());
        assertEquals(50.8466, a.get("unsafe_where#0").get("value").get("lat").asDouble());
        assertEquals("file-1", a.get("place_photo#1").get("value").get("file").asString());
        assertEquals("bad", a.get("place_kind#2").get("value").asString());
        assertEquals("[\"none_known\"]", a.get("services_known#0").get("value").toString());
        assertEquals(lang, a.get("best_thing#0").get("language").asString());
    }

    private static String unescape(String s) {
        return s.replace("\\u2067", "\u2067").replace("\\u2069", "\u2069").replace("\\u2068", "\u2068");
    }

    @Test
    void arabicLinesAreIsolatedRightToLeftAndLatinNamesInside() {
        CliRun r = CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--lang", "ar", "--script", CliRun.SCRIPTS.resolve("ar.txt").toString());
        // The resident's Latin place name inside the Arabic question keeps its own direction.
        assertTrue(r.out().contains("bot: \u2067هل \u2068Parc Josaphat\u2069 مكان لطيف؟\u2069\n"), r.out());
    }

    @Test
    void refusingConsentEndsWithNoAnswers() {
        CliRun r = CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--script", CliRun.SCRIPTS.resolve("refuse.txt").toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("bot: That's absolutely fine. Thank you and goodbye!"), r.out());
        assertTrue(r.out().contains("— conversation refused —\nanswers:\n[ ]"), r.out());
    }

    @Test
    void repliesRunningOutBeforeTheEndGiveExitOne() {
        CliRun r = CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--script", CliRun.SCRIPTS.resolve("short.txt").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("the replies ran out before the end (at 'age_band')"), r.out());
        assertEquals(12, answers(r.out()).get("years_here#0").get("value").asInt());
    }

    @Test
    void interactiveModeReadsTheKeyboard() {
        CliRun r = CliRun.run(cl -> {
            PlayCommand play = cl.getSubcommands().get("play").getCommand();
            play.stdin = new StringReader("1\nja\nstop\n");
            play.clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        }, "play", CliRun.BUURTLEVEN.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("> bot: Hoeveel jaar woon je al in de buurt?"), r.out());
        assertTrue(r.out().contains("bot: Oké, we pauzeren hier."), r.out());
    }

    @Test
    void aBrokenQuestionnaireIsNotPlayed() {
        CliRun r = CliRun.run("play", CliRun.BROKEN.resolve("loop.yaml").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("loop.yaml:10: loop with no way out"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFilesAreUsageErrors() {
        assertEquals(2, CliRun.run("play", "nope.yaml").exit());
        assertEquals(2, CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--script", "nope.txt").exit());
        assertEquals(2, CliRun.run("play").exit());
    }

    @Test
    void aScriptLineThatIsNotUtf8IsOneMessageWithFileAndLine(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("latin1.txt");
        Files.write(script, "5\nyes\ncaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--lang", "en", "--script", script.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(script + ":3: not valid UTF-8\n", r.err());
    }

    @Test
    void aScriptLineOverOneMegabyteIsOneMessageWithFileAndLine(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("long.txt");
        Files.writeString(script, "5\n" + "a".repeat(3 * 1024 * 1024) + "\nyes\n");
        CliRun r = CliRun.run("play", CliRun.BUURTLEVEN.toString(), "--lang", "en", "--script", script.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(script + ":2: line longer than 1 MB (1048576 bytes); lines are limited to 1 MB\n", r.err());
    }

    @Test
    void aQuestionnaireThatIsNotUtf8IsOneProblemNotAStackTrace(@TempDir Path dir) throws IOException {
        Path q = dir.resolve("latin1.yaml");
        Files.write(q, "id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("play", q.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith(q + ":1: the file is not valid UTF-8\n"), r.err());
        assertEquals(2, r.err().split("\n").length, r.err());
    }
}
