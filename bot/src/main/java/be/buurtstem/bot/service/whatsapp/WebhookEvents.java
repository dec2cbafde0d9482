package be.buurtstem.bot.service.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One webhook body of the Cloud API read into what the service needs: the residents' messages and the delivery
 * statuses of ours. Everything channel-specific is decoded here; names and profile data are never read. A change for
 * another phone number (a second number on the same app) is left out.
 */
record WebhookEvents(List<Message> messages, List<Status> statuses, int skipped) {

    /** What a resident sent. */
    sealed interface Content {
    }

    record Text(String text) implements Content {
    }

    /** A reply button or a list row pressed: the id we gave it. */
    record Choice(String id) implements Content {
    }

    record Location(double latitude, double longitude) implements Content {
    }

    record Image(String mediaId, String mimeType, String caption) implements Content {
    }

    /** Anything we do not read (voice, sticker, video, document, contacts, reaction...). */
    record Other(String type) implements Content {
    }

    /** @param from the resident's WhatsApp id (a phone number): hashed into the respondent id, never stored */
    record Message(String id, String from, Instant at, Content content) {
    }

    record Status(String messageId, String status, Instant at, Integer errorCode) {
    }

    static WebhookEvents read(JsonNode body, String phoneNumberId, Instant now) {
        List<Message> messages = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"messages".equals(change.path("field").asText())) {
                    skipped++;
                    continue;
                }
                String number = value.path("metadata").path("phone_number_id").asText(null);
                if (number != null && !number.equals(phoneNumberId)) {
                    skipped++;
                    continue;
                }
                for (JsonNode m : value.path("messages")) {
                    String id = m.path("id").asText(null);
                    String from = m.path("from").asText(null);
                    if (id == null || id.isBlank() || from == null || !from.matches("[0-9]{4,20}")) {
                        skipped++;
                        continue;
                    }
                    messages.add(new Message(id, from, time(m.path("timestamp"), now), content(m)));
                }
                for (JsonNode s : value.path("statuses")) {
                    String id = s.path("id").asText(null);
                    String status = s.path("status").asText(null);
                    if (id == null || status == null || !status.matches("[a-z_]{1,20}")) {
                        skipped++;
                        continue;
                    }
                    JsonNode error = s.path("errors").path(0).path("code");
                    statuses.add(new Status(id, status, time(s.path("timestamp"), now),
                            error.canConvertToInt() ? error.intValue() : null));
                }
            }
        }
        return new WebhookEvents(List.copyOf(messages), List.copyOf(statuses), skipped);
    }

    private static Content content(JsonNode m) {
        String type = m.path("type").asText("");
        return switch (type) {
            case "text" -> new Text(m.path("text").path("body").asText(""));
            case "interactive" -> {
                JsonNode i = m.path("interactive");
                String kind = i.path("type").asText("");
                String id = i.path(kind).path("id").asText(null);
                yield id != null && ("button_reply".equals(kind) || "list_reply".equals(kind))
                        ? new Choice(id) : new Other("interactive");
            }
            // a quick-reply button of a template ("Verder"): read as the words on it
            case "button" -> new Text(m.path("button").path("text").asText(""));
            case "location" -> {
                JsonNode l = m.path("location");
                yield l.path("latitude").isNumber() && l.path("longitude").isNumber()
                        ? new Location(l.path("latitude").doubleValue(), l.path("longitude").doubleValue())
                        : new Other("location");
            }
            case "image" -> {
                JsonNode img = m.path("image");
                String media = img.path("id").asText(null);
                yield media == null ? new Other("image")
                        : new Image(media, img.path("mime_type").asText(""), img.path("caption").asText(null));
            }
            default -> new Other(type.isEmpty() ? "unknown" : type);
        };
    }

    private static Instant time(JsonNode timestamp, Instant now) {
        try {
            long seconds = Long.parseLong(timestamp.asText(""));
            Instant t = Instant.ofEpochSecond(seconds);
            return t.isAfter(now) ? now : t; // a clock ahead of ours must not stretch the window
        } catch (NumberFormatException e) {
            return now;
        }
    }
}
