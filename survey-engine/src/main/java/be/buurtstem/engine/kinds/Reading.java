package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Event.Reason;

import java.util.Map;

/** What a resident's input means for one question: an answer value, or a miss with the reprompt to show. */
public sealed interface Reading {

    /** @param shown what to keep as the answer's text; null: nothing to show beside the value */
    record Value(Object value, String shown) implements Reading {
    }

    /** @param textKey the system text that says what is expected, with its arguments */
    record Miss(Reason reason, String textKey, Map<String, Object> args) implements Reading {
        public static Miss of(Reason reason, String textKey) {
            return new Miss(reason, textKey, Map.of());
        }
    }
}
