package be.buurtstem.bot.service.whatsapp;

import be.buurtstem.bot.service.telegram.TextSplitter;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.OutboundMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One engine message as Cloud API message bodies, chosen by what WhatsApp allows: reply buttons (at most 3, titles
 * of at most 20 characters), else a list (at most 10 rows, titles of at most 24 characters, one section), else plain
 * text with numbered options (the engine takes a typed number or label). A scale (a smiley scale's 5 faces) thus
 * becomes a list. Texts are split under 4,096 characters at sentence boundaries, and the part that carries buttons
 * under the 1,024 of an interactive body. Text goes as it is: WhatsApp sets the direction of Arabic itself, and any
 * mark added here would show. Pure: the outbox stores the bodies before anything is sent.
 */
final class OutboundPayloads {
    static final int TEXT_LIMIT = 4096;
    static final int INTERACTIVE_BODY_LIMIT = 1024;
    static final int MAX_BUTTONS = 3;
    static final int BUTTON_TITLE = 20;
    static final int MAX_ROWS = 10;
    static final int ROW_TITLE = 24;
    static final int ROW_ID = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboundPayloads() {
    }

    /** The bodies to POST to {@code /{phone-number-id}/messages}, in order, as JSON text. */
    static List<String> of(String to, OutboundMessage m, String language) {
        List<Button> buttons = m.buttons();
        String shape = shape(buttons);
        List<String> out = new ArrayList<>();
        String text = m.text() == null || m.text().isBlank() ? "…" : m.text();
        if ("numbered".equals(shape)) {
            StringBuilder b = new StringBuilder(text).append("\n");
            for (int i = 0; i < buttons.size(); i++) {
                b.append("\n").append(i + 1).append(". ").append(buttons.get(i).label());
            }
            text = b.toString();
        }
        boolean interactive = "buttons".equals(shape) || "list".equals(shape) || m.expect() == Expect.LOCATION;
        List<String> chunks = new ArrayList<>(TextSplitter.split(text, TEXT_LIMIT, language));
        if (interactive) {
            String last = chunks.removeLast();
            List<String> tail = TextSplitter.split(last, INTERACTIVE_BODY_LIMIT, language);
            chunks.addAll(tail);
        }
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            if (!last || !interactive) {
                out.add(text(to, chunks.get(i)));
            } else if (m.expect() == Expect.LOCATION && buttons.isEmpty()) {
                out.add(locationRequest(to, chunks.get(i)));
            } else if ("buttons".equals(shape)) {
                out.add(buttons(to, chunks.get(i), buttons));
            } else {
                out.add(list(to, chunks.get(i), buttons, language));
            }
        }
        return out;
    }

    /** "none", "buttons", "list" or "numbered": the richest form WhatsApp accepts for these options. */
    static String shape(List<Button> buttons) {
        if (buttons.isEmpty()) {
            return "none";
        }
        if (buttons.stream().anyMatch(b -> b.id().length() > ROW_ID)) {
            return "numbered";
        }
        if (buttons.size() <= MAX_BUTTONS && buttons.stream().allMatch(b -> length(b.label()) <= BUTTON_TITLE)) {
            return "buttons";
        }
        if (buttons.size() <= MAX_ROWS && buttons.stream().allMatch(b -> length(b.label()) <= ROW_TITLE)) {
            return "list";
        }
        return "numbered";
    }

    /** WhatsApp counts characters, not UTF-16 units: an emoji is one. */
    static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    private static ObjectNode envelope(String to, String type) {
        ObjectNode n = JSON.createObjectNode();
        n.put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", to).put("type", type);
        return n;
    }

    static String text(String to, String body) {
        ObjectNode n = envelope(to, "text");
        n.putObject("text").put("preview_url", false).put("body", body);
        return n.toString();
    }

    private static String buttons(String to, String body, List<Button> buttons) {
        ObjectNode n = envelope(to, "interactive");
        ObjectNode i = n.putObject("interactive").put("type", "button");
        i.putObject("body").put("text", body);
        ArrayNode list = i.putObject("action").putArray("buttons");
        for (Button b : buttons) {
            list.addObject().put("type", "reply").putObject("reply").put("id", b.id()).put("title", b.label());
        }
        return n.toString();
    }

    private static String list(String to, String body, List<Button> buttons, String language) {
        ObjectNode n = envelope(to, "interactive");
        ObjectNode i = n.putObject("interactive").put("type", "list");
        i.putObject("body").put("text", body);
        ObjectNode action = i.putObject("action").put("button", WhatsAppTexts.get("list_button", language));
        ObjectNode section = action.putArray("sections").addObject()
                .put("title", WhatsAppTexts.get("list_section", language));
        ArrayNode rows = section.putArray("rows");
        for (Button b : buttons) {
            rows.addObject().put("id", b.id()).put("title", b.label());
        }
        return n.toString();
    }

    private static String locationRequest(String to, String body) {
        ObjectNode n = envelope(to, "interactive");
        ObjectNode i = n.putObject("interactive").put("type", "location_request_message");
        i.putObject("body").put("text", body);
        i.putObject("action").put("name", "send_location");
        return n.toString();
    }

    /** A picture uploaded before (its media id), with an optional caption (at most 1,024 characters). */
    static String image(String to, String mediaId, String caption) {
        ObjectNode n = envelope(to, "image");
        ObjectNode image = n.putObject("image").put("id", mediaId);
        if (caption != null && !caption.isBlank()) {
            image.put("caption", caption.length() > INTERACTIVE_BODY_LIMIT
                    ? caption.substring(0, INTERACTIVE_BODY_LIMIT) : caption);
        }
        return n.toString();
    }

    /** An approved template (outside the 24-hour window), without parameters: it names nobody and quotes nothing. */
    static String template(String to, String name, String language) {
        ObjectNode n = envelope(to, "template");
        n.putObject("template").put("name", name).putObject("language").put("code", language);
        return n.toString();
    }
}
