package be.buurtstem.engine.model;

import java.util.Locale;

/** The node kinds of the questionnaire format; the YAML name is the lower-case enum name. */
public enum Kind {
    MESSAGE, CONSENT, LANGUAGE, SINGLE_CHOICE, MULTIPLE_CHOICE, FREE_TEXT, SCALE, NUMBER, LOCATION, PHOTO, REPEAT, END;

    /** The name used in YAML and in recorded answers, e.g. {@code single_choice}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromYaml(String name) {
        for (Kind k : values()) {
            if (k.yamlName().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** Questions wait for the resident and may carry an answer; message, repeat and end do not. */
    public boolean isQuestion() {
        return this != MESSAGE && this != REPEAT && this != END;
    }

    /** Kinds whose answer is a number, so that number comparisons and plurals make sense. */
    public boolean isNumeric() {
        return this == NUMBER || this == SCALE;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
