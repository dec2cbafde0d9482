package be.buurtstem.content;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Text;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complete scripted conversation through each bundled questionnaire in each language, via start/reply, with
 * assertions on the values. Refusal, stop and resume, and the polite Dutch of the engine are golden transcripts
 * ({@code src/test/resources/golden/}, {@link GoldenTranscriptTest}), where the whole conversation is read at once.
 */
class ConversationScriptTest {

    static final List<String> DOMAINS = List.of("work", "learning", "leisure", "mobility", "housing", "help_services",
            "religion", "online", "public_space", "shops", "local_government", "family_friends", "key_figures");

    /** Short free-text answers a resident might type, per language. */
    static final Map<String, List<String>> ANSWERS = Map.of(
            "nl", List.of("de bib en het buurthuis", "te weinig bankjes op het plein", "mijn buurvrouw helpt mij", "meer groen aub"),
            "fr", List.of("la bibliothèque et la maison de quartier", "pas assez de bancs", "ma voisine m'aide", "plus de verdure svp"),
            "ar", List.of("المكتبة ودار الحي", "لا توجد مقاعد كافية", "جارتي تساعدني", "l7ouma khassha jerda kbira"),
            "tr", List.of("kütüphane ve mahalle evi", "meydanda oturacak yer yok", "komşum bana yardım ediyor", "daha çok yeşil alan"),
            "en", List.of("the library and the community centre", "not enough benches", "my neighbour helps me", "more green please"));

    static String text(Questionnaire q, String nodeId, String lang, Map<String, Object> args) {
        Text t = Content.node(q, nodeId).text();
        return new MessageFormat(t.patterns().get(lang), ULocale.forLanguageTag(lang)).format(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "ar", "tr", "en"})
    void inclusiewebFromConsentToThanks(String lang) {
        Questionnaire q = Content.questionnaire("inclusieweb");
        List<String> say = ANSWERS.get(lang);
        Driver d = new Driver(q, lang);
        assertEquals(2, d.prompt().buttons().size(), "consent: yes and no");
        assertTrue(d.turnText().startsWith(text(q, "welcome", lang, Map.of())));
        d.press("yes");
        assertTrue(d.has(Event.ConsentGiven.class));
        assertEquals(5, d.prompt().buttons().size(), "one button per language");
        d.press(lang);
        assertEquals(6, d.prompt().buttons().size(), "age bands and rather not say");
        d.press("age_30_44").press("share").say("1080").press("years_6_10");
        d.press("ar").press("fr").press("_done");
        assertTrue(d.turnText().contains(text(q, "domains_intro", lang, Map.of())));

        int asked = 0;
        for (int i = 0; i < DOMAINS.size(); i++) {
            String domain = DOMAINS.get(i);
            assertEquals(text(q, domain + "_matters", lang, Map.of()), d.lastText());
            if (domain.equals("online")) {
                d.send(be.buurtstem.engine.Input.choice("skip"));
            } else if (i % 3 == 2) {
                d.press("not_for_me");
            } else {
                d.press("matters");
                assertEquals(text(q, domain, lang, Map.of()), d.lastText());
                d.say(say.get(asked++ % say.size()));
            }
        }
        boolean avoids = !lang.equals("tr");
        d.press(avoids ? "some_place" : "no_place");
        if (avoids) {
            assertEquals(text(q, "avoid_where", lang, Map.of()), d.lastText());
            d.say(say.get(1));
        }
        assertEquals(text(q, "change_one", lang, Map.of()), d.lastText());
        d.say(say.get(3));

        assertEquals(Status.COMPLETED, d.state.status());
        assertTrue(d.has(Event.Completed.class));
        assertTrue(d.turnText().endsWith(text(q, "thanks", lang, Map.of())));

        Answer age = d.answer("age_band");
        assertEquals("age_30_44", age.value());
        assertEquals("age_band", age.segment());
        assertEquals("1080", d.answer("area").value());
        assertEquals("area", d.answer("area").segment());
        assertEquals("years_here", d.answer("years_here").segment());
        assertEquals(List.of("ar", "fr"), List.copyOf((List<?>) d.answer("home_languages").value()));
        for (int i = 0; i < DOMAINS.size(); i++) {
            String domain = DOMAINS.get(i);
            Answer a = d.answer(domain);
            if (domain.equals("online") || i % 3 == 2) {
                assertNull(a, domain + " did not matter, so it was not asked");
            } else {
                assertNotNull(a, domain);
                assertEquals(domain, a.block());
                assertEquals(lang, a.language());
            }
        }
        assertEquals(avoids, d.answer("avoid_where") != null);
        assertEquals("change_one", d.answer("change_one").block());
        assertEquals(8, asked, "eight domains answered, five skipped");
    }

    @Test
    void startingInDutchAndChoosingArabicSwitchesEverything() {
        Questionnaire q = Content.questionnaire("inclusieweb");
        Driver d = new Driver(q, "nl").press("yes").press("ar");
        assertTrue(d.events.stream().anyMatch(e -> e instanceof Event.LanguageChanged c && c.to().equals("ar")));
        assertEquals(text(q, "age_band", "ar", Map.of()), d.lastText());
        assertEquals('R', Content.firstStrong(d.lastText()));
    }

    /** What the content writer found in real conversations: typed words at a gate and one-word answers are kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | ja, de bus is altijd te laat     | taal",
            "fr | oui, le bus est toujours en retard | langue",
            "ar | نعم، الحافلة متأخرة دائماً       | اللغة",
            "tr | evet, otobüs hep geç kalıyor     | dil",
            "en | yes, the bus is always late      | language"})
    void typedWordsAtAGateAndOneWordAnswersAreKept(String lang, String typed, String oneWord) {
        Questionnaire q = Content.questionnaire("inclusieweb");
        Driver d = new Driver(q, lang).press("yes").press(lang).press("rather_not_say").press("rather_not_say")
                .press("rather_not_say").press("rather_not_say").press("_done");
        d.say(typed);
        assertEquals("matters", d.answer("work_matters").value());
        assertEquals(typed, d.answer("work_matters").text());
        assertEquals(text(q, "work", lang, Map.of()), d.lastText());
        // "What helps you, or holds you back, to work here?" — "the language" may be the answer: the resident is
        // asked whether they meant the command, and "that is my answer" keeps the word.
        d.say(oneWord);
        assertEquals(be.buurtstem.engine.ConversationState.Await.COMMAND_CONFIRM, d.state.await());
        d.press("_answer");
        assertEquals(oneWord, d.answer("work").value());
        assertEquals(Status.ACTIVE, d.state.status());
        assertEquals(text(q, "learning_matters", lang, Map.of()), d.lastText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "ar", "tr", "en"})
    void buurtkaartTwoEntriesThenDone(String lang) {
        Questionnaire q = Content.questionnaire("buurtkaart");
        Driver d = new Driver(q, lang).press("yes").press(lang);
        assertEquals(text(q, "entry_name", lang, Map.of("iteration", 1L)), d.lastText());
        d.say(lang.equals("ar") ? "جارتي" : "Fatima");
        assertTrue(d.lastText().contains(lang.equals("ar") ? "جارتي" : "Fatima"), d.lastText());
        d.press("person");
        assertEquals(13, d.prompt().buttons().size());
        d.press("family_friends").press("very_close").press("both").press("company").press("listening").press("_done")
                .press("weekly").press("little").press("energising");
        assertEquals(Content.node(q, "map").more().patterns().get(lang), d.lastText());
        d.press("yes");
        assertEquals(text(q, "entry_name", lang, Map.of("iteration", 2L)), d.lastText());
        d.say("Bakkerij Atlas").press("place").press("shops").press("neutral").press("i_give").press("none").press("_done")
                .press("rarely").press("a_lot").press("draining");
        d.press("no");

        assertEquals(Status.COMPLETED, d.state.status());
        assertTrue(d.turnText().endsWith(text(q, "done", lang, Map.of("count_map", 2L))), d.turnText());
        String two = Map.of("nl", "2 namen", "fr", "2 noms", "ar", "اسمان", "tr", "2 kayıt", "en", "2 names").get(lang);
        assertTrue(d.turnText().contains(two), d.turnText());
        assertEquals("very_close", d.answer("closeness", 1).value());
        assertEquals("neutral", d.answer("closeness", 2).value());
        assertEquals(List.of("company", "listening"), List.copyOf((List<?>) d.answer("support", 1).value()));
        assertEquals("Bakkerij Atlas", d.answer("entry_name", 2).value());
        assertEquals("draining", d.answer("energy", 2).value());
    }

    @Test
    void buurtkaartCountsInArabicPluralForms() {
        Questionnaire q = Content.questionnaire("buurtkaart");
        Map<Long, String> expected = Map.of(1L, "اسم واحد", 2L, "اسمان", 3L, "أسماء", 11L, "اسمًا", 100L, "اسم");
        expected.forEach((n, word) -> assertTrue(text(q, "done", "ar", Map.of("count_map", n)).contains(word), n + " → " + word));
        Driver d = new Driver(q, "ar").press("yes").press("ar");
        for (int round = 1; round <= 3; round++) {
            d.say("جمعية الحي").press("organisation").press("help_services").press("close").press("i_receive")
                    .press("advice").press("_done").press("monthly").press("a_lot").press("neutral");
            d.press(round < 3 ? "yes" : "no");
        }
        assertTrue(d.turnText().contains("أسماء"), d.turnText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "ar", "tr", "en"})
    void stellingenAsksWhyOnlyWhenNegative(String lang) {
        Questionnaire q = Content.questionnaire("stellingen");
        Driver d = new Driver(q, lang).press("yes").press(lang);
        assertEquals(5, d.prompt().buttons().size(), "five smileys");
        List<String> statements = List.of("safe_night", "meeting_places", "help_nearby", "clean", "children_play", "welcome", "heard");
        int[] ratings = {1, 2, 3, 4, 5, 2, 4};
        for (int i = 0; i < statements.size(); i++) {
            String s = "s_" + statements.get(i);
            assertEquals(text(q, s, lang, Map.of()), d.lastText());
            if (i == 4) {
                d.say("😄");
            } else if (i == 1 && lang.equals("ar")) {
                d.say("٢");
            } else {
                d.press(Integer.toString(ratings[i]));
            }
            if (ratings[i] <= 2) {
                assertEquals(text(q, s + "_why", lang, Map.of()), d.lastText());
                d.say(ANSWERS.get(lang).get(1));
            }
        }
        assertEquals(text(q, "anything_else", lang, Map.of()), d.lastText());
        d.send(be.buurtstem.engine.Input.choice("skip"));
        assertEquals(Status.COMPLETED, d.state.status());
        for (int i = 0; i < statements.size(); i++) {
            String s = "s_" + statements.get(i);
            assertEquals(ratings[i], ((Number) d.answer(s).value()).intValue(), s);
            assertEquals(ratings[i] <= 2, d.answer(s + "_why") != null, s + "_why");
        }
        assertFalse(d.state.answers().stream().anyMatch(a -> a.questionId().equals("anything_else")));
    }
}
