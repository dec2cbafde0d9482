package be.buurtstem.bot.it;

import be.buurtstem.bot.files.xlsform.TestForms;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organiser's XLSForm in the questionnaire folder (BUURTSTEM_QUESTIONNAIRES) is served like a YAML file: a
 * resident answers it on Telegram, its {@code relevant} skips the question that does not apply, the answers are
 * stored; an XLSForm with a row that cannot be translated, and a file that is no workbook, are refused.
 */
class XlsFormServiceTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    static FakeTelegram telegram;
    static Harness service;

    @BeforeAll
    static void start() throws IOException {
        telegram = new FakeTelegram();
        TestForms.write(folder.resolve("buurtfeest.xlsx"),
                "survey", """
                        type | name | kind | label::Nederlands (nl) | label::Français (fr) | relevant | required
                        acknowledge | ok | consent | Doet u mee met de vragen over het buurtfeest? | Participez-vous ? | |
                        select_one yn | komt | | Komt u naar het buurtfeest? | Venez-vous à la fête ? | | yes
                        integer | hoeveel | | Met hoeveel personen? | Combien de personnes ? | ${komt} = 'ja' | yes
                        text | waarom | | Waarom niet? | Pourquoi pas ? | ${komt} = 'nee' |
                        """,
                "choices", """
                        list_name | name | label::Nederlands (nl) | label::Français (fr)
                        yn | ja | Ja | Oui
                        yn | nee | Nee | Non
                        """,
                "settings", "form_id | form_title | default_language\nbuurtfeest | Buurtfeest | Nederlands (nl)");
        TestForms.write(folder.resolve("kapot.xlsx"), "survey", """
                type | name | label | relevant
                integer | a | A? |
                text | b | B? | ${a} div 2 = 1
                """, "settings", "form_id\nkapot");
        Files.writeString(folder.resolve("geen-werkmap.xlsx"), "id: geen\n");
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        service = Harness.start(p, false);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    @Test
    void aResidentAnswersTheXlsFormOnTelegram() {
        SurveyCatalog catalog = service.context.getBean(SurveyCatalog.class);
        assertTrue(catalog.current("buurtfeest").isPresent(), "the XLSForm is served");
        long chat = 9101;
        telegram.text(chat, "/start buurtfeest", "nl");
        Harness.awaitText(telegram, chat, "Doet u mee met de vragen over het buurtfeest?", WAIT);
        telegram.press(chat, "yes", "nl");
        Harness.awaitText(telegram, chat, "Komt u naar het buurtfeest?", WAIT);
        telegram.press(chat, "nee", "nl");
        Harness.awaitText(telegram, chat, "Waarom niet?", WAIT);
        telegram.text(chat, "We zijn dan op reis.", "nl");
        Harness.awaitText(telegram, chat, "Bedankt voor uw antwoorden!", WAIT);
        assertFalse(telegram.textsTo(chat).stream().anyMatch(t -> t.contains("Met hoeveel personen?")),
                "not relevant after 'nee': " + telegram.textsTo(chat));

        List<Document> answers = service.db().getCollection("answers").find(eq("respondent", service.rid(chat)))
                .into(new ArrayList<>());
        assertEquals(List.of("komt=nee", "waarom=We zijn dan op reis."), answers.stream()
                .map(a -> a.getString("question") + "=" + a.get("value")).sorted().toList());
        assertEquals("buurtfeest", answers.getFirst().getString("questionnaire"));
    }

    @Test
    void xlsFormsThatCannotBeTranslatedAreNotServed() {
        SurveyCatalog catalog = service.context.getBean(SurveyCatalog.class);
        assertTrue(catalog.current("kapot").isEmpty(), "a relevant with div is refused");
        assertTrue(catalog.current("geen").isEmpty(), "a file that is no workbook is refused");
        assertTrue(catalog.current("inclusieweb").isPresent(), "the others are served");
    }
}
