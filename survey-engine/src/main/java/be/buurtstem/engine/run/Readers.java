package be.buurtstem.engine.run;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.input.Numbers;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Visible;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an input as the answer to one question of the kinds that need no conversation state (single choice,
 * scale, number, free text, location, photo). Pure functions: the step records or reprompts.
 */
final class Readers {
    private Readers() {
    }

    static Reading single(Conversation conv, Node n, Input input, String lang) {
        Option o = null;
        String shown = null;
        if (input instanceof Input.Choice c) {
            o = n.option(c.optionId());
            shown = o == null ? null : conv.renderer().label(o, lang);
        } else if (input instanceof Input.Text t) {
            o = conv.matcher(n.id()).match(t.text(), lang);
            if (o == null) {
                // "ja, de bus is altijd te laat": the option it starts with, the whole text kept as the answer's text.
                o = conv.matcher(n.id()).within(Fold.key(t.text()));
            }
            shown = t.text().strip();
        }
        return o == null ? Reading.Miss.of(Reason.NOT_UNDERSTOOD, "reprompt_choice") : new Reading.Value(o.id(), shown);
    }

    static Reading scale(Conversation conv, Node n, Input input) {
        int min = n.scaleMin();
        int max = n.scaleMax();
        Reading.Miss notUnderstood = new Reading.Miss(Reason.NOT_UNDERSTOOD, "reprompt_scale", Map.of("min", (long) min, "max", (long) max));
        String key;
        String shown;
        if (input instanceof Input.Choice c) {
            key = Fold.key(c.optionId());
            shown = null;
        } else if (input instanceof Input.Text t) {
            key = Fold.key(t.text());
            shown = t.text().strip();
        } else {
            return notUnderstood;
        }
        Integer value = null;
        Double number = Numbers.parse(key);
        if (number != null && number == Math.rint(number)) {
            if (number < min || number > max) {
                return new Reading.Miss(Reason.OUT_OF_RANGE, "reprompt_scale", notUnderstood.args());
            }
            value = number.intValue();
        }
        if (value == null && min == 1 && max == 5) {
            value = smiley(key);
        }
        if (value == null) {
            // A typed scale label, in any of the file's languages.
            for (Map.Entry<Integer, Text> e : n.labels().entrySet()) {
                for (String l : conv.questionnaire().languages()) {
                    if (Fold.key(conv.renderer().render(e.getValue(), l, x -> null)).equals(key)) {
                        value = e.getKey();
                    }
                }
            }
        }
        if (value == null || value < min || value > max) {
            return notUnderstood;
        }
        return new Reading.Value((long) value, shown);
    }

    /** Smileys people send for a 1–5 scale, including the ones not on the buttons. */
    private static Integer smiley(String key) {
        return switch (key) {
            case "😞", "😢", "😭", "😠", "😡", "☹" -> 1;
            case "🙁", "😕", "😟", "😒" -> 2;
            case "😐", "😶", "🤷" -> 3;
            case "🙂", "😊", "☺" -> 4;
            case "😄", "😀", "😃", "😁", "😍", "🥰", "🤩" -> 5;
            default -> null;
        };
    }

    static Reading number(Node n, Input input) {
        String typed = input instanceof Input.Text t ? t.text() : input instanceof Input.Choice c ? c.optionId() : null;
        Double v = typed == null ? null : Numbers.parse(typed);
        if (v == null) {
            return range(n, Reason.NOT_A_NUMBER);
        }
        if (n.integer() && v != Math.rint(v)) {
            return Reading.Miss.of(Reason.NOT_WHOLE, "reprompt_whole");
        }
        if ((n.min() != null && v < n.min()) || (n.max() != null && v > n.max())) {
            return range(n, Reason.OUT_OF_RANGE);
        }
        return new Reading.Value(Numbers.value(v), typed.strip());
    }

    /** The reprompt that names the allowed range, when there is one. */
    private static Reading.Miss range(Node n, Reason reason) {
        if (n.min() != null && n.max() != null) {
            return new Reading.Miss(reason, "reprompt_range", Map.of("min", Numbers.value(n.min()), "max", Numbers.value(n.max())));
        }
        if (n.min() != null) {
            return new Reading.Miss(reason, "reprompt_min", Map.of("min", Numbers.value(n.min())));
        }
        if (n.max() != null) {
            return new Reading.Miss(reason, "reprompt_max", Map.of("max", Numbers.value(n.max())));
        }
        return Reading.Miss.of(reason, "reprompt_number");
    }

    static Reading freeText(Input input) {
        if (input instanceof Input.Text t && Visible.any(t.text())) {
            // Kept whole: long answers are the richest ones for theme coding. Only invisible characters at the ends
            // go (a pasted BOM, a zero-width space); a message of nothing but those is no answer.
            String text = Visible.strip(t.text());
            return new Reading.Value(text, text);
        }
        return Reading.Miss.of(Reason.EMPTY, "reprompt_text");
    }

    static Reading location(Input input) {
        if (input instanceof Input.Location l && Double.isFinite(l.lat()) && Double.isFinite(l.lon())
                && Math.abs(l.lat()) <= 90 && Math.abs(l.lon()) <= 180) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lat", l.lat());
            v.put("lon", l.lon());
            return new Reading.Value(Collections.unmodifiableMap(v), l.lat() + ", " + l.lon());
        }
        if (input instanceof Input.Text t && Visible.any(t.text())) {
            return new Reading.Value(Visible.strip(t.text()), Visible.strip(t.text()));
        }
        return Reading.Miss.of(Reason.EXPECTED_LOCATION, "reprompt_location");
    }

    static Reading photo(Input input) {
        if (input instanceof Input.Photo p && p.fileRef() != null && !p.fileRef().isBlank()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("file", p.fileRef());
            String caption = Visible.strip(p.caption());
            if (!caption.isEmpty()) {
                v.put("caption", caption);
            }
            return new Reading.Value(Collections.unmodifiableMap(v), caption);
        }
        return Reading.Miss.of(Reason.EXPECTED_PHOTO, "reprompt_photo");
    }
}
