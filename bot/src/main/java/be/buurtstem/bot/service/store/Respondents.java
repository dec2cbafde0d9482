package be.buurtstem.bot.service.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code respondents} document read into a {@link Respondent}: its field names in one place with the writes in {@link Store}. */
final class Respondents {
    private Respondents() {
    }

    static Respondent read(Document d) {
        Map<String, String> segments = new LinkedHashMap<>();
        Document s = d.get("segments", Document.class);
        if (s != null) {
            s.forEach((k, v) -> segments.put(k, v == null ? null : String.valueOf(v)));
        }
        List<Consent> consents = new ArrayList<>();
        for (Document c : d.getList("consents", Document.class, List.of())) {
            consents.add(new Consent(c.getString("questionnaire"), c.getInteger("version", 1),
                    Boolean.TRUE.equals(c.getBoolean("given")), c.getDate("at").toInstant()));
        }
        return new Respondent(d.getString("_id"), d.getString("language"), Collections.unmodifiableMap(segments),
                List.copyOf(consents), Boolean.TRUE.equals(d.getBoolean("blocked")));
    }
}
