package be.buurtstem.bot.service.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/**
 * What one message changes on the respondent record, gathered so that it is written in one update: fields to set
 * ({@code language}, {@code segments.area}, ...; a later value of the same field wins) and consents to push.
 */
public final class RespondentChange {
    final Map<String, Object> sets = new LinkedHashMap<>();
    final List<Consent> consents = new ArrayList<>();

    public RespondentChange language(String language) {
        sets.put("language", language);
        return this;
    }

    public RespondentChange segment(String field, String value) {
        sets.put("segments." + field, value);
        return this;
    }

    public RespondentChange consent(Consent c) {
        consents.add(c);
        return this;
    }

    public boolean isEmpty() {
        return sets.isEmpty() && consents.isEmpty();
    }

    /** For the log: how many fields and consents, never their values. */
    @Override
    public String toString() {
        return sets.size() + " fields, " + consents.size() + " consents";
    }
}
