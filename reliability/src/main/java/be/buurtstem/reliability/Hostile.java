package be.buurtstem.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates what a careless user, another client or an attacker sends: text full of bidi overrides, zero-width and
 * unpaired surrogates, megabyte texts, operator objects ({@code {"$gt": ""}}, {@code $where}), wrong types in every
 * field Telegram defines, unknown update kinds, forged callback data and deep links, malformed JSON. Every string a
 * resident controls carries the run's marker, so that the logs can be searched for it afterwards.
 */
final class Hostile {
    static final String[] NASTY = {
            "\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u200E",
            "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u180E", "\u00AD", "\u0000", "\u0007", "\u001B[31m",
            "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\r\n", "\u2028", "\u2029", "\uFFFD", "\uFFFF",
            "\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "👨‍👩‍👧‍👦", "🏳️‍🌈", "العربية", "Türkçe İı", "ǅ",
            "{\"$gt\": \"\"}", "{\"$where\": \"sleep(5000)\"}", "$where", "$ne", "$regex", ".*", "'; db.dropDatabase(); '",
            "${jndi:ldap://127.0.0.1:1/x}", "%s%n%x", "../../../../etc/passwd", "=HYPERLINK(\"http://127.0.0.1\")",
            "<script>alert(1)</script>", "\\", "\"", "/delete", "/start", "/mydata", "/stop", "yes", "o:yes"};
    static final String[] UNKNOWN_KINDS = {"edited_message", "channel_post", "edited_channel_post", "inline_query",
            "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll", "poll_answer", "my_chat_member",
            "chat_member", "chat_join_request", "message_reaction", "business_message", "future_kind_2031"};

    private final Random random;
    private final String marker;
    /** Whether the last webhook body was a JSON update with a numeric update_id (one Hostile per thread). */
    boolean lastWasIdentifiedUpdate;

    Hostile(Random random, String marker) {
        this.random = random;
        this.marker = marker;
    }

    /** A resident text: a random mix of the nasty pieces and random code points around the marker. */
    String text(int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(maxPieces);
        int at = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            if (i == at) {
                sb.append(marker);
            }
            switch (random.nextInt(3)) {
                case 0 -> sb.append(NASTY[random.nextInt(NASTY.length)]);
                case 1 -> sb.appendCodePoint(randomCodePoint());
                default -> sb.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
            }
        }
        return sb.toString();
    }

    /** About a megabyte of text (under the webhook's 1 MB limit, or just over it). */
    String huge() {
        StringBuilder sb = new StringBuilder(marker);
        int target = (1 << 20) - 2000 + random.nextInt(4000);
        while (sb.length() < target) {
            sb.append(random.nextBoolean() ? "\u202Eword\u200B " : NASTY[random.nextInt(NASTY.length)]);
        }
        return sb.toString();
    }

    private int randomCodePoint() {
        int cp;
        do {
            cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
        } while (cp >= 0xD800 && cp <= 0xDFFF);
        return cp;
    }

    String name() {
        return "Name" + marker + NASTY[random.nextInt(NASTY.length)];
    }

    /** A JSON string literal; surrogates and controls written as escapes, so that lone surrogates survive. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private String chatJson(long chat, String type) {
        return "{\"id\":" + chat + ",\"type\":\"" + type + "\",\"first_name\":" + str(name()) + ",\"username\":"
                + str("user" + marker) + "}";
    }

    private String fromJson(String id) {
        return "{\"id\":" + id + ",\"is_bot\":false,\"first_name\":" + str(name()) + ",\"last_name\":" + str(name())
                + ",\"username\":" + str("u" + marker) + ",\"language_code\":" + str(random.nextInt(5) == 0 ? text(3)
                : "en") + "}";
    }

    private String message(long chat, String body) {
        return "{\"message_id\":" + random.nextInt(1_000_000) + ",\"date\":1700000000,\"chat\":" + chatJson(chat,
                "private") + ",\"from\":" + fromJson(String.valueOf(chat)) + (body.isEmpty() ? "" : "," + body) + "}";
    }

    /** Forged callback data: another question's option, another questionnaire, another resident, garbage. */
    private String forgedData() {
        return switch (random.nextInt(9)) {
            case 0 -> "o:yes";
            case 1 -> "o:no";
            case 2 -> "o:q:stellingen";
            case 3 -> "o:q:" + marker;
            case 4 -> "o:q:harness";
            case 5 -> "h:" + Long.toHexString(random.nextLong());
            case 6 -> "o:noord";
            case 7 -> "o:" + marker + ":30000001";
            default -> text(6);
        };
    }

    /**
     * One update as raw JSON for long polling or the webhook (always valid JSON: long polling delivers a JSON
     * array). {@code id} is the update_id (some kinds leave it out or give it another type).
     */
    String update(long id, long chat, boolean huge) {
        String uid = "\"update_id\":" + id;
        int kind = huge ? 0 : random.nextInt(20);
        lastWasIdentifiedUpdate = kind != 13 && kind != 14;
        return switch (kind) {
            case 0, 1, 2 -> "{" + uid + ",\"message\":" + message(chat, "\"text\":" + str(huge ? huge() : text(12))) + "}";
            case 3 -> "{" + uid + ",\"message\":" + message(chat, "\"text\":" + str("/start " + switch (random.nextInt(4)) {
                case 0 -> "stellingen__area-" + marker;
                case 1 -> "harness__x-" + marker + "__y-" + text(3);
                case 2 -> marker + "__" + "a-b__".repeat(50);
                default -> text(5);
            })) + "}";
            case 4, 5 -> "{" + uid + ",\"callback_query\":{\"id\":" + str("cq" + marker) + ",\"from\":"
                    + fromJson(String.valueOf(chat)) + ",\"chat_instance\":\"ci\",\"data\":" + str(forgedData())
                    + ",\"message\":" + message(chat, "\"text\":" + str(text(4))) + "}}";
            case 6 -> "{" + uid + ",\"callback_query\":{\"id\":\"cq\",\"from\":" + fromJson(String.valueOf(chat))
                    + ",\"chat_instance\":\"ci\",\"data\":{\"$gt\":\"\"},\"message\":" + message(chat, "") + "}}";
            case 7 -> "{" + uid + ",\"message\":" + message(chat, "").replaceFirst("\"from\":\\{\"id\":" + chat,
                    "\"from\":{\"id\":1000000000000000000000000000000") + "}";
            case 8 -> "{" + uid + ",\"message\":" + message(chat, "\"text\":{\"$where\":" + str("sleep(100) " + marker)
                    + "}") + "}";
            case 9 -> "{" + uid + ",\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":"
                    + str("chat" + marker) + ",\"type\":\"private\"},\"text\":" + str(text(3)) + "}}";
            case 10 -> "{" + uid + ",\"message\":" + message(chat, "\"text\":" + str(text(3))).replace(
                    "\"date\":1700000000", "\"date\":" + str("yesterday" + marker)) + "}";
            case 11 -> "{" + uid + ",\"message\":" + str(text(6)) + "}";
            case 12 -> "{" + uid + ",\"" + UNKNOWN_KINDS[random.nextInt(UNKNOWN_KINDS.length)] + "\":"
                    + message(chat, "\"text\":" + str(text(4))) + "}";
            case 13 -> "{\"message\":" + message(chat, "\"text\":" + str(text(4))) + "}"; // no update_id
            case 14 -> "{\"update_id\":" + str("u" + marker) + ",\"message\":" + message(chat, "\"text\":\"hi\"") + "}";
            case 15 -> "{" + uid + ",\"message\":" + message(chat, "\"text\":" + str(text(3))).replace(
                    "\"type\":\"private\"", "\"type\":\"group\"") + "}";
            case 16 -> "{" + uid + ",\"message\":" + message(chat, "\"location\":{\"latitude\":" + (random.nextBoolean()
                    ? "1e308" : str("north" + marker)) + ",\"longitude\":-1e308}") + "}";
            case 17 -> "{" + uid + ",\"message\":" + message(chat, "\"photo\":[{\"file_id\":" + str(marker)
                    + ",\"width\":" + str("wide") + "},7,null],\"caption\":" + str(text(5))) + "}";
            case 18 -> "{" + uid + ",\"extra\":" + "[".repeat(300) + str(marker) + "]".repeat(300) + ",\"message\":"
                    + message(chat, "\"text\":" + str(text(3))) + "}";
            default -> "{" + uid + ",\"message\":" + message(chat, "\"text\":" + str(text(3)) + ",\"entities\":"
                    + str(marker) + ",\"reply_markup\":{\"$gt\":\"\"}") + "}";
        };
    }

    /** A webhook body: mostly updates, sometimes bytes that are not JSON, or not UTF-8, at all. */
    byte[] webhookBody(long id, long chat, boolean huge) {
        int kind = huge ? 0 : random.nextInt(10);
        lastWasIdentifiedUpdate = false;
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5 -> update(id, chat, huge).getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                String u = update(id, chat, false);
                yield u.substring(0, 1 + random.nextInt(u.length() - 1)).getBytes(StandardCharsets.UTF_8); // cut off
            }
            case 7 -> invalidUtf8("{\"update_id\":" + id + ",\"message\":" + message(chat, "\"text\":\""), "\"}}");
            case 8 -> switch (random.nextInt(5)) {
                case 0 -> new byte[0];
                case 1 -> "[]".getBytes(StandardCharsets.UTF_8);
                case 2 -> "null".getBytes(StandardCharsets.UTF_8);
                case 3 -> ("\"" + marker + "\"").getBytes(StandardCharsets.UTF_8);
                default -> ("{\"update_id\":" + id + ",").repeat(3).getBytes(StandardCharsets.UTF_8);
            };
            default -> ("{{{" + marker + text(4) + "}").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Prefix + marker + bytes that are not UTF-8 (a CESU surrogate, 0xFF, an overlong slash, a cut sequence) + suffix. */
    byte[] invalidUtf8(String prefix, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(marker.getBytes(StandardCharsets.UTF_8));
        byte[][] bad = {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}};
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            out.writeBytes(bad[random.nextInt(bad.length)]);
        }
        out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A web chat request: path (under /chat/), cookie (or null), body, content type. */
    record WebRequest(String path, String cookie, byte[] body, String contentType, String acceptLanguage) {
    }

    WebRequest web(String[] cookies, boolean huge) {
        String q = switch (random.nextInt(8)) {
            case 0 -> "stellingen";
            case 1 -> marker;
            case 2 -> "..%2F..%2Factuator";
            case 3 -> "x".repeat(300);
            case 4 -> "%00" + marker;
            default -> "harness";
        };
        String endpoint = switch (random.nextInt(10)) {
            case 0, 1 -> "hello";
            case 2 -> "delete";
            case 3 -> "mydata";
            case 4 -> marker;
            default -> "send";
        };
        String cookie = switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "%7B%22%24gt%22%3A%22%22%7D"; // {"$gt":""}
            case 2 -> marker + "-".repeat(random.nextInt(3000));
            default -> cookies[random.nextInt(cookies.length)];
        };
        String id = random.nextInt(10) == 0 ? "{\"$where\":\"sleep(100)\"}" : str("m" + random.nextInt(1_000_000));
        byte[] body = huge ? ("{\"id\":\"big\",\"text\":" + str(huge()) + "}").getBytes(StandardCharsets.UTF_8)
                : switch (random.nextInt(14)) {
            case 0, 1, 2 -> ("{\"id\":" + id + ",\"text\":" + str(text(12)) + "}").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"id\":" + id + ",\"choice\":" + str(forgedData()) + "}").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"id\":" + id + ",\"choice\":{\"$gt\":\"\"},\"text\":{\"$where\":" + str(marker) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"id\":" + id + ",\"lat\":" + str("north" + marker) + ",\"lon\":1e400}")
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"id\":" + id + ",\"lat\":1e308,\"lon\":-1e308}").getBytes(StandardCharsets.UTF_8);
            case 7 -> invalidUtf8("{\"id\":\"x1\",\"text\":\"", "\"}");
            case 8 -> ("{\"id\":\"x2\",\"text\":" + str(text(3)) + ",").getBytes(StandardCharsets.UTF_8);
            case 9 -> ("[" + str(marker) + ",1,2]").getBytes(StandardCharsets.UTF_8);
            case 10 -> ("{\"id\":\"x3\",\"text\":[" + str(marker) + "],\"extra\":" + "{\"a\":".repeat(400) + "1"
                    + "}".repeat(400) + "}").getBytes(StandardCharsets.UTF_8);
            case 11 -> new byte[0];
            case 12 -> ("{\"id\":null,\"text\":null,\"choice\":null,\"lat\":null}").getBytes(StandardCharsets.UTF_8);
            default -> ("{\"id\":" + id + ",\"text\":" + str(text(4)) + ",\"unknown\":" + str(marker) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        };
        String type = random.nextInt(12) == 0 ? "text/plain" : random.nextInt(12) == 0 ? "application/x-www-form-urlencoded"
                : "application/json";
        String lang = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> "ar;q=" + marker;
            case 2 -> "*";
            case 3 -> ",,,;;;";
            default -> "en";
        };
        return new WebRequest(q + "/api/" + endpoint, cookie, body, type, lang);
    }
}
