package be.buurtstem.bot.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Telegram Bot API call the bot makes, checked against the Bot API 10.1 as data
 * ({@code test/resources/telegram/bot-api-10.1.json}, MIT, see its README): two real conversations through the fake
 * Telegram server (inline buttons pressed, so callback answers and edits; a location request keyboard; a shared
 * location; a photo; typed answers), then each captured call: the method exists, each parameter is one of the
 * method's, every required one is there, and each value has one of the declared types, down through the nested
 * objects (an inline keyboard's rows and buttons, a reply keyboard). Telegram's own limits stated in the spec are
 * checked too: a message text 1–4,096 characters, callback data 1–64 bytes.
 */
class TelegramApiContractTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyCallTheBotMakesIsInTheBotApi(@TempDir Path dataDir, @TempDir Path folder) throws Exception {
        JsonNode spec;
        try (InputStream in = TelegramApiContractTest.class.getResourceAsStream("/telegram/bot-api-10.1.json")) {
            spec = FakeTelegram.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("Bot API 10.1", spec.path("version").asText());
        Harness.copyResource("/questionnaires/straat.yaml", folder);
        Harness.copyResource("/questionnaires/foto.yaml", folder);
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, Object> p = Harness.properties(dataDir, telegram);
            p.put("buurtstem.questionnaires", folder.toString());
            try (Harness service = Harness.start(p, false)) {
                long chat = 8101;
                telegram.text(chat, "/start straat", "nl");
                Harness.awaitTexts(telegram, chat, 1, WAIT);
                telegram.press(chat, "yes", "nl");
                Harness.awaitTexts(telegram, chat, 2, WAIT);
                telegram.press(chat, "noord", "nl");
                Harness.awaitTexts(telegram, chat, 3, WAIT);
                telegram.text(chat, "Meer bomen in de straat.", "nl");
                Harness.awaitText(telegram, chat, "Bedankt", WAIT);
                long other = 8102;
                telegram.text(other, "/start foto", "nl");
                Harness.awaitTexts(telegram, other, 1, WAIT);
                telegram.location(other, 50.85, 4.35);
                Harness.awaitTexts(telegram, other, 2, WAIT);
                telegram.photo(other, "photo-file-1", "Het plein");
                Harness.awaitText(telegram, other, "Dank u wel!", WAIT);
                Harness.await("callback answered", WAIT, () -> !telegram.calls("answerCallbackQuery").isEmpty());
            }
            List<String> problems = new ArrayList<>();
            Set<String> methods = new TreeSet<>();
            for (ServeEvent e : telegram.wiremock().getAllServeEvents()) {
                String url = e.getRequest().getUrl();
                String method = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
                JsonNode m = methodOf(spec, method);
                if (m == null) {
                    problems.add(method + ": no such method in the Bot API");
                    continue;
                }
                methods.add(m.path("name").asText());
                JsonNode body = FakeTelegram.body(e.getRequest()).deepCopy();
                // the library names the method in the body too, as the Bot API allows ("Making requests when
                // getting updates": a "method" parameter); it must name the method called, and is then left out
                if (body.isObject() && body.has("method")) {
                    if (!body.path("method").asText().equalsIgnoreCase(m.path("name").asText())) {
                        problems.add(method + ": body names another method: " + body.path("method"));
                    }
                    ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("method");
                }
                checkFields(spec, m, body, m.path("name").asText(), problems);
                if (m.path("name").asText().equals("sendMessage") || m.path("name").asText().equals("editMessageText")) {
                    int length = body.path("text").asText().codePointCount(0, body.path("text").asText().length());
                    if (length < 1 || length > 4096) {
                        problems.add(method + ".text: " + length + " characters (1-4096)");
                    }
                }
                for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
                    for (JsonNode button : row) {
                        int bytes = button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                        if (bytes < 1 || bytes > 64) {
                            problems.add(method + " callback_data: " + bytes + " bytes (1-64)");
                        }
                    }
                }
            }
            System.out.println("TELEGRAM methods checked: " + methods);
            assertTrue(methods.containsAll(Set.of("getUpdates", "sendMessage", "answerCallbackQuery",
                    "editMessageText")), "the conversations used these methods: " + methods);
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    /** The spec's method of that name; the bot's library may spell it in lower case in the URL. */
    static JsonNode methodOf(JsonNode spec, String name) {
        for (Iterator<String> it = spec.path("methods").fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (n.equalsIgnoreCase(name)) {
                return spec.path("methods").path(n);
            }
        }
        return null;
    }

    /** The fields of an object (a method's parameters or a type's fields) against their declaration. */
    static void checkFields(JsonNode spec, JsonNode declared, JsonNode value, String where, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + ": not an object: " + value);
            return;
        }
        for (JsonNode f : declared.path("fields")) {
            if (f.path("required").asBoolean() && !value.has(f.path("name").asText())) {
                problems.add(where + ": required " + f.path("name").asText() + " missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode field = null;
            for (JsonNode f : declared.path("fields")) {
                if (f.path("name").asText().equals(e.getKey())) {
                    field = f;
                }
            }
            if (field == null) {
                problems.add(where + ": " + e.getKey() + " is not a parameter of " + declared.path("name").asText());
                continue;
            }
            List<String> types = new ArrayList<>();
            field.path("types").forEach(t -> types.add(t.asText()));
            if (types.stream().noneMatch(t -> matches(spec, t, e.getValue(), new ArrayList<>()))) {
                List<String> why = new ArrayList<>();
                types.forEach(t -> matches(spec, t, e.getValue(), why));
                problems.add(where + "." + e.getKey() + ": " + e.getValue() + " is none of " + types + " " + why);
            }
        }
    }

    static boolean matches(JsonNode spec, String type, JsonNode v, List<String> why) {
        if (type.startsWith("Array of ")) {
            if (!v.isArray()) {
                return false;
            }
            for (JsonNode item : v) {
                if (!matches(spec, type.substring("Array of ".length()), item, why)) {
                    return false;
                }
            }
            return true;
        }
        return switch (type) {
            case "Integer" -> v.isIntegralNumber() || v.isTextual() && v.asText().matches("-?[0-9]+");
            case "String" -> v.isTextual();
            case "Boolean" -> v.isBoolean();
            case "True" -> v.isBoolean() && v.asBoolean();
            case "Float" -> v.isNumber();
            case "InputFile" -> v.isTextual();
            default -> {
                JsonNode t = spec.path("types").path(type);
                if (t.isMissingNode()) {
                    why.add("unknown type " + type);
                    yield false;
                }
                if (t.has("subtypes")) {
                    boolean any = false;
                    for (JsonNode sub : t.path("subtypes")) {
                        any |= matches(spec, sub.asText(), v, why);
                    }
                    yield any;
                }
                List<String> inner = new ArrayList<>();
                checkFields(spec, t, v, type, inner);
                why.addAll(inner);
                yield inner.isEmpty();
            }
        };
    }
}
