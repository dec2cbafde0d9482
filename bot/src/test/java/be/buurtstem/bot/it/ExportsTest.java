package be.buurtstem.bot.it;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.bot.cli.BuurtstemCommand;
import be.buurtstem.bot.files.AnswerReader;
import be.buurtstem.bot.service.accounts.Role;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ReadingOrder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exports of issue 13 end to end: residents answer a questionnaire with every kind of question through the fake
 * Telegram server (in Dutch and in Arabic, one of them later deletes everything), an analyst exports through the API,
 * the page and the command line, and each file is read back: by our answer reader, by {@code code apply} and
 * {@code saturation} (CSV and JSON Lines), by POI (XLSX).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportsTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ANALYST = "exports-analyst-token-0123456789";
    static final String ORGANISER = "exports-organiser-token-0123456789";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"Klik\") het park is vuil";
    static final String ARABIC_WISH = "الحديقة متسخة ونحتاج إلى مزيد من الأشجار";
    static final String DELETED_WORDS = "Vergeet-mij-niet-straat is onveilig";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path folder;
    @TempDir
    static Path work;
    static FakeTelegram telegram;
    static Harness service;
    static Api api;
    static String dutch;
    static String arabic;
    static String deleted;

    @BeforeAll
    static void start() throws Exception {
        telegram = new FakeTelegram();
        Harness.copyResource("/exports/export.yaml", folder);
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.questionnaires", folder.toString());
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.organiser-token", ORGANISER);
        p.put("buurtstem.coding.tick-interval", "100ms");
        p.put("buurtstem.coding.folds", "2");
        p.put("buurtstem.coding.iterations", "20");
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.retrain-after", "1000");
        service = Harness.start(p, false);
        api = new Api(service);
        PageUsers.create(service, "ana", "analyst-password-1", Role.ANALYST);
        PageUsers.create(service, "olga", "organiser-password-1", Role.ORGANISER);

        // three residents at once, as on a real evening (each mostly waits for the service's replies)
        try (var residents = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var d = residents.submit(() -> answerAll(8101, "nl", "noord", List.of("groen", "verkeer"), "5", "12",
                    List.of("De bakker", "Het park"), FORMULA, 50.8466, 4.3528));
            var a = residents.submit(() -> answerAll(8102, "ar", "zuid", List.of("wonen"), "1", "٧",
                    List.of("المسجد"), ARABIC_WISH, 50.85, 4.36));
            var x = residents.submit(() -> answerAll(8103, "nl", "zuid", List.of("groen"), "3", "4",
                    List.of("Mijn buurvrouw"), DELETED_WORDS, 50.9, 4.4));
            dutch = d.get();
            arabic = a.get();
            deleted = x.get();
        }
        Harness.await("free texts coded", WAIT, () -> service.db().getCollection("answers").countDocuments(
                com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("question", "wish"),
                        com.mongodb.client.model.Filters.exists("coding", true))) == 3);
        // the resident deletes everything through the existing erasure path ("/delete", confirmed)
        int before = telegram.sentTo(8103).size();
        telegram.text(8103, "/delete", "nl");
        Harness.await("confirmation asked", WAIT, () -> telegram.sentTo(8103).size() > before
                && telegram.sentTo(8103).getLast().path("reply_markup").has("inline_keyboard"));
        telegram.press(8103, "yes", "nl");
        Harness.awaitText(telegram, 8103, "gewist", WAIT);
        service.assertNoTraceOf(8103, deleted);
    }

    /** One whole conversation; returns the resident's pseudonymous id. */
    static String answerAll(long chat, String lang, String area, List<String> topics, String scale, String years,
                            List<String> places, String wish, double lat, double lon) {
        telegram.text(chat, "/start export", lang);
        awaitTexts(chat, 1);
        telegram.press(chat, "yes", lang);
        awaitTexts(chat, 2);
        telegram.press(chat, area, lang);
        awaitTexts(chat, 3);
        for (String t : topics) {
            telegram.press(chat, t, lang);
        }
        telegram.press(chat, "_done", lang);
        Harness.await("scale asked", WAIT, () -> lastText(chat).contains(lang.equals("ar") ? "راضٍ" : "tevreden"));
        telegram.press(chat, scale, lang);
        Harness.await("number asked", WAIT, () -> lastText(chat).contains(lang.equals("ar") ? "سنة" : "jaar"));
        telegram.text(chat, years, lang);
        for (int i = 0; i < places.size(); i++) {
            int round = i + 1;
            Harness.await("place asked", WAIT, () -> lastText(chat).contains(String.valueOf(round)));
            telegram.text(chat, places.get(i), lang);
            Harness.await("more asked", WAIT, () -> lastText(chat).contains(lang.equals("ar") ? "آخر" : "Nog een"));
            telegram.press(chat, i == places.size() - 1 ? "no" : "yes", lang);
        }
        Harness.await("wish asked", WAIT, () -> lastText(chat).contains(lang.equals("ar") ? "تغيّر" : "veranderen"));
        telegram.text(chat, wish, lang);
        Harness.await("location asked", WAIT, () -> lastText(chat).contains(lang.equals("ar") ? "الموقع" : "locatie"));
        telegram.location(chat, lat, lon);
        Harness.awaitText(telegram, chat, lang.equals("ar") ? "شكرًا" : "Bedankt", WAIT);
        return service.rid(chat);
    }

    static String lastText(long chat) {
        List<String> texts = telegram.textsTo(chat);
        return texts.isEmpty() ? "" : texts.getLast();
    }

    static void awaitTexts(long chat, int count) {
        Harness.awaitTexts(telegram, chat, count, WAIT);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    static byte[] download(String query, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/analyst/export?" + query))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    static List<Answer> read(Path file) throws IOException {
        List<Answer> out = new ArrayList<>();
        try (AnswerReader in = AnswerReader.open(file, bad -> {
            throw new AssertionError("a record of our own export was refused: " + bad);
        })) {
            in.forEach(out::add);
        }
        return out;
    }

    static Answer only(List<Answer> records, String respondent, String question, int round) {
        return records.stream().filter(a -> respondent.equals(a.respondent()) && question.equals(a.question())
                        && String.valueOf(round).equals(a.segments().get("round"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + question + " round " + round + " in " + records));
    }

    @Test
    @Order(1)
    void jsonLinesHoldsEveryAnswerTypedAndReadsBack() throws Exception {
        byte[] body = download("questionnaire=export&format=jsonl&labels=fr", ANALYST);
        String text = new String(body, StandardCharsets.UTF_8);
        List<JsonNode> lines = text.lines().map(l -> Api.JSON.readTree(l)).toList();
        // two residents: area, topics, park, years, places (2 and 1 rounds), wish, where
        assertEquals(8 + 7, lines.size(), text);
        JsonNode topics = lines.stream().filter(l -> l.path("question").asString().equals("topics")
                && l.path("respondent").asString().equals(dutch)).findFirst().orElseThrow();
        assertTrue(topics.path("value").isArray(), topics.toString());
        assertEquals(List.of("groen", "verkeer"), topics.path("value").valueStream().map(JsonNode::asString).toList());
        assertEquals(List.of("Verdure", "Circulation"),
                topics.path("label").valueStream().map(JsonNode::asString).toList(), "labels in French");
        assertTrue(topics.path("confirmed").isBoolean(), topics.toString());
        JsonNode park = lines.stream().filter(l -> l.path("question").asString().equals("park")
                && l.path("respondent").asString().equals(dutch)).findFirst().orElseThrow();
        assertTrue(park.path("value").isNumber(), park.toString());
        assertEquals(5, park.path("value").asInt());
        assertEquals("très", park.path("label").asString());
        JsonNode years = lines.stream().filter(l -> l.path("question").asString().equals("years")
                && l.path("respondent").asString().equals(arabic)).findFirst().orElseThrow();
        assertEquals(7, years.path("value").asInt(), "Arabic-Indic digits as a number: " + years);
        assertTrue(years.path("value").isNumber());
        JsonNode where = lines.stream().filter(l -> l.path("question").asString().equals("where")
                && l.path("respondent").asString().equals(dutch)).findFirst().orElseThrow();
        assertEquals(50.8466, where.path("latitude").asDouble(), 1e-9);
        assertTrue(where.path("longitude").isNumber());
        JsonNode wish = lines.stream().filter(l -> l.path("question").asString().equals("wish")
                && l.path("respondent").asString().equals(arabic)).findFirst().orElseThrow();
        assertEquals(ARABIC_WISH, wish.path("text").asString());
        assertTrue(wish.path("themes").isArray(), wish.toString());
        assertTrue(wish.path("scores").isObject(), wish.toString());
        assertEquals("ar", wish.path("language").asString());
        assertEquals("zuid", wish.path("area").asString(), "the segment value beside the others");

        Path file = work.resolve("export.jsonl");
        Files.write(file, body);
        List<Answer> records = read(file);
        assertEquals(lines.size(), records.size());
        assertEquals("groen;verkeer", only(records, dutch, "topics", 0).segments().get("value"));
        assertEquals("De bakker", only(records, dutch, "place_name", 1).text());
        assertEquals("Het park", only(records, dutch, "place_name", 2).text());
        assertEquals(FORMULA, only(records, dutch, "wish", 0).text());
        assertFalse(only(records, dutch, "wish", 0).themes().isEmpty());
    }

    @Test
    @Order(2)
    void csvHasAByteOrderMarkNeutralisedFormulasAndFeedsCodeAndSaturation() throws Exception {
        byte[] body = download("questionnaire=export&format=csv", ANALYST);
        assertEquals(0xEF, body[0] & 0xff, "UTF-8 byte-order mark, so Excel reads Arabic");
        assertEquals(0xBB, body[1] & 0xff);
        assertEquals(0xBF, body[2] & 0xff);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("id,text,respondent,question,language,themes,questionnaire,version,round,kind,"),
                csv.lines().findFirst().orElse(""));
        assertTrue(csv.contains(",\"'=HYPERLINK("), "a formula is written as text: " + csv);
        assertTrue(csv.contains(ARABIC_WISH));
        assertTrue(csv.contains("groen;verkeer"));
        assertTrue(csv.contains("Groen;Verkeer"), "labels in the questionnaire's default language (Dutch)");
        Path file = work.resolve("export.csv");
        Files.write(file, body);
        List<Answer> records = read(file);
        assertEquals(15, records.size());
        assertEquals(FORMULA, only(records, dutch, "wish", 0).text(), "our reader takes the apostrophe off again");
        assertEquals("5", only(records, dutch, "park", 0).segments().get("value"));

        // fed back into the command line: code apply (with a model trained on a labelled file) and saturation
        Path model = work.resolve("themes.model");
        Path labelled = work.resolve("labelled.jsonl"); // a small labelled file: a model to apply, quickly trained
        Files.write(labelled, Files.readAllLines(Path.of(ExportsTest.class.getResource(
                "/be/buurtstem/bot/cli/labelled.jsonl").toURI())).subList(0, 60));
        Run train = run("code", "train", "--input", labelled.toString(), "--model", model.toString(), "--folds", "0",
                "--codebook", "none");
        assertEquals(0, train.exit(), train.err());
        Path coded = work.resolve("coded.csv");
        Run apply = run("code", "apply", "--model", model.toString(), "--input", file.toString(), "--output",
                coded.toString());
        assertEquals(0, apply.exit(), apply.err());
        assertFalse(apply.err().contains("skipped"), apply.err());
        assertEquals(15, read(coded).size());
        Run saturation = run("saturation", "--input", file.toString(), "--by", "area,language", "--json");
        assertEquals(0, saturation.exit(), saturation.err());
        JsonNode report = Api.JSON.readTree(saturation.out());
        assertEquals(15, report.path("answers").asInt(), saturation.out());
        assertEquals(2, report.path("respondents").asInt(), saturation.out());
        assertTrue(report.path("segments").path("area").has("zuid"), saturation.out());
        // JSON Lines tells an answer without themes (a closed question, an uncoded text) from one coded with none,
        // CSV cannot (an empty cell is "no theme"): saturation counts the coded wishes alone from JSON Lines
        Run fromJsonl = run("saturation", "--input", work.resolve("export.jsonl").toString(), "--json");
        assertEquals(0, fromJsonl.exit(), fromJsonl.err());
        JsonNode coded2 = Api.JSON.readTree(fromJsonl.out());
        assertEquals(2, coded2.path("answers").asInt(), fromJsonl.out());
        assertEquals(13, coded2.path("skipped_uncoded").asInt(), fromJsonl.out());
    }

    @Test
    @Order(3)
    void xlsxHasItsFourSheetsAndRightToLeftArabic() throws Exception {
        byte[] body = download("questionnaire=export&format=xlsx&labels=ar", ANALYST);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertEquals(List.of("answers", "themes", "codebook", "frequencies"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            Sheet answers = wb.getSheet("answers");
            assertEquals(15, answers.getLastRowNum(), "a header and 15 answers");
            List<String> header = new ArrayList<>();
            answers.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int text = header.indexOf("text");
            int value = header.indexOf("value");
            int question = header.indexOf("question");
            int label = header.indexOf("label");
            boolean sawArabic = false;
            boolean sawNumber = false;
            for (Row row : answers) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                Cell t = row.getCell(text);
                if (t != null && t.getStringCellValue().equals(ARABIC_WISH)) {
                    sawArabic = true;
                    assertEquals(ReadingOrder.RIGHT_TO_LEFT, ((XSSFCellStyle) t.getCellStyle()).getReadingOrder());
                }
                if (row.getCell(question).getStringCellValue().equals("park")) {
                    assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, row.getCell(value).getCellType());
                    sawNumber = true;
                }
                if (row.getCell(question).getStringCellValue().equals("area")
                        && row.getCell(value).getStringCellValue().equals("zuid")) {
                    assertEquals("الجنوب", row.getCell(label).getStringCellValue(), "labels in Arabic");
                }
            }
            assertTrue(sawArabic && sawNumber);
            assertTrue(wb.getSheet("themes").getLastRowNum() >= 2, "themes of both coded wishes");
            Sheet codebook = wb.getSheet("codebook");
            List<String> cbHeader = new ArrayList<>();
            codebook.getRow(0).forEach(c -> cbHeader.add(c.getStringCellValue()));
            for (String l : List.of("nl", "fr", "ar", "tr", "en")) {
                assertTrue(cbHeader.contains("label_" + l), cbHeader.toString());
            }
            assertTrue(codebook.getLastRowNum() > 5, "every theme of the codebook");
            Sheet frequencies = wb.getSheet("frequencies");
            boolean area = false;
            for (Row row : frequencies) {
                area |= row.getCell(0).getStringCellValue().equals("area");
            }
            assertTrue(area, "theme frequencies per area");
        }
        Files.write(work.resolve("export.xlsx"), body);
    }

    @Test
    @Order(4)
    void filtersSelectAndABadOneIsRefusedWithItsReason() throws Exception {
        String ar = new String(download("questionnaire=export&format=jsonl&language=ar", ANALYST),
                StandardCharsets.UTF_8);
        assertEquals(7, ar.lines().count(), ar);
        assertTrue(ar.lines().allMatch(l -> l.contains(arabic)));
        String noord = new String(download("format=jsonl&segment=area%3Dnoord", ANALYST), StandardCharsets.UTF_8);
        assertTrue(noord.lines().count() >= 8 && noord.lines().noneMatch(l -> l.contains(arabic)), noord);
        String free = new String(download("questionnaire=export&format=jsonl&kind=free_text", ANALYST),
                StandardCharsets.UTF_8);
        assertEquals(5, free.lines().count(), "three places and two wishes: " + free);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(15, new String(download("questionnaire=export&format=jsonl&from=" + today + "&to=" + today,
                ANALYST), StandardCharsets.UTF_8).lines().count());
        assertEquals(0, download("questionnaire=export&format=jsonl&to=2020-01-01", ANALYST).length);
        assertEquals(0, download("questionnaire=export&format=jsonl&version=2", ANALYST).length);
        for (String bad : List.of("format=xml", "format=csv&from=gisteren", "format=csv&version=-1",
                "format=csv&segment=area", "format=csv&language=%3Cscript%3E", "format=csv&from=2026-03-02&to=2026-03-01",
                "format=qdpx", "format=qdpx&questionnaire=export&language=nl")) {
            Api.Reply r = api.get("/api/analyst/export?" + bad, ANALYST);
            assertEquals(400, r.status(), bad + ": " + r.body());
            assertFalse(r.json().path("error").asString().isBlank(), r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("at be."), r.body());
        }
        assertEquals(403, api.get("/api/analyst/export?format=csv", ORGANISER).status());
        assertEquals(403, api.get("/api/analyst/export?format=csv", null).status());
    }

    @Test
    @Order(5)
    void theDeletedResidentIsInNoFormat() throws Exception {
        for (String format : List.of("csv", "jsonl", "xlsx", "qdpx")) {
            byte[] body = download("format=" + format + (format.equals("qdpx") ? "&questionnaire=export" : ""),
                    ANALYST);
            String all = switch (format) {
                case "xlsx" -> sheetsText(body);
                case "qdpx" -> zipText(body);
                default -> new String(body, StandardCharsets.UTF_8);
            };
            if (format.equals("qdpx")) { // free text only, by respondent: the Arabic wish, no closed answers
                assertTrue(all.contains(ARABIC_WISH), "qdpx holds the others' words");
                assertFalse(all.contains(deleted) || all.contains("Vergeet-mij-niet"), "qdpx: the deleted resident");
                continue;
            }
            assertTrue(all.contains(dutch) && all.contains(ARABIC_WISH), format + " holds the others");
            assertFalse(all.contains(deleted), format + " holds the deleted resident's id");
            assertFalse(all.contains("Vergeet-mij-niet"), format + " holds the deleted resident's words");
            assertFalse(all.contains("Mijn buurvrouw"), format);
            for (String stored : List.of(dutch + ":", arabic + ":")) {
                assertFalse(all.contains(stored), format + ": a stored answer id names its resident");
            }
        }
    }

    /** Every entry of a zip as text, one after the other. */
    static String zipText(byte[] zip) throws IOException {
        StringBuilder out = new StringBuilder();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return out.toString();
    }

    static String zipEntryText(byte[] zip, String name) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the zip");
    }

    static String sheetsText(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        out.append(c.toString()).append('\t');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    @Order(6)
    void thePageOffersTheFiltersAndDownloadsInEachLanguage() {
        Map<String, String> titles = Map.of("nl", "Antwoorden exporteren", "fr", "Exporter les réponses",
                "en", "Export answers");
        for (var e : titles.entrySet()) {
            PageClient c = new PageClient(service, e.getKey());
            c.signIn("ana", "analyst-password-1");
            PageClient.Page page = c.get("/analyst/exports");
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains(e.getValue()), page.body());
            assertTrue(page.body().contains("name=\"segment\"") && page.body().contains("value=\"xlsx\"")
                    && page.body().contains("value=\"export\""), "filters, formats and questionnaires");
        }
        PageClient c = new PageClient(service, "nl");
        c.signIn("ana", "analyst-password-1");
        PageClient.Page file = c.get("/analyst/exports/file?format=csv&questionnaire=export&language=ar");
        assertEquals(200, file.status());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("answers-export.csv"));
        assertTrue(file.body().contains(ARABIC_WISH) && !file.body().contains(dutch), file.body());
        PageClient.Page bad = c.get("/analyst/exports/file?format=csv&from=morgen");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("Deze filter kan niet") && bad.body().contains("from must be a date"),
                bad.body());
        assertTrue(bad.body().contains("value=\"morgen\""), "the form keeps what was typed");

        PageClient organiser = new PageClient(service, "nl");
        organiser.signIn("olga", "organiser-password-1");
        assertEquals(403, organiser.get("/analyst/exports").status());
        assertEquals(403, organiser.get("/analyst/exports/file?format=csv").status());
    }

    @Test
    @Order(10)
    void theCommandExportsFromTheDataFolderWhileNoServiceRuns() throws Exception {
        service.close();
        service = null;
        Path out = work.resolve("cli.jsonl");
        Run r = run("export", "--data", dataDir.toString(), "--format", "jsonl", "--questionnaire", "export",
                "--language", "nl", "--labels", "fr", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("8 answers written"), r.out());
        List<Answer> records = read(out);
        assertEquals(8, records.size());
        assertTrue(records.stream().allMatch(a -> dutch.equals(a.respondent())));
        assertEquals("Verdure;Circulation", only(records, dutch, "topics", 0).segments().get("label"));
        String fileText = Files.readString(out);
        assertFalse(fileText.contains(deleted));
        Path xlsx = work.resolve("cli.xlsx");
        assertEquals(0, run("export", "--data", dataDir.toString(), "--format", "xlsx", "--output", xlsx.toString())
                .exit());
        assertNotNull(new XSSFWorkbook(Files.newInputStream(xlsx)).getSheet("answers"));

        // the REFI-QDA project is one of the formats too: one questionnaire, nothing narrower
        Path qdpx = work.resolve("cli.qdpx");
        Run project = run("export", "--data", dataDir.toString(), "--format", "qdpx", "--questionnaire", "export",
                "--labels", "nl", "--output", qdpx.toString());
        assertEquals(0, project.exit(), project.err());
        String qde = zipEntryText(Files.readAllBytes(qdpx), "project.qde");
        assertTrue(qde.contains("<Project") && qde.contains("Buurtstem: export"), qde);
        assertFalse(qde.contains(deleted), "no deleted resident in the project");
        Run narrowed = run("export", "--data", dataDir.toString(), "--format", "qdpx", "--questionnaire", "export",
                "--language", "nl", "--output", work.resolve("narrow.qdpx").toString());
        assertEquals(2, narrowed.exit(), "refused before anything is written, as a bad option");
        assertTrue(narrowed.err().contains("cannot be narrowed by language"), narrowed.err());
        assertFalse(Files.exists(work.resolve("narrow.qdpx")), "no half file left");

        Run bad = run("export", "--data", dataDir.toString(), "--format", "csv", "--segment", "area",
                "--output", work.resolve("x.csv").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("segment must be field=value"), bad.err());
        Run noDb = run("export", "--data", work.resolve("nothing").toString(), "--format", "csv", "--output",
                work.resolve("y.csv").toString());
        assertEquals(1, noDb.exit());
        assertTrue(noDb.err().contains("no database in"), noDb.err());
        assertFalse(Files.exists(work.resolve("y.csv")));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = BuurtstemCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
