package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.conversation.ConversationService;
import be.buurtstem.bot.service.store.Audit;
import be.buurtstem.bot.service.store.ReachAreaRecords;
import be.buurtstem.bot.service.store.Store;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The areas (or other segment values: streets, organisations) an organiser made links for, per questionnaire, in the
 * store's {@link ReachAreaRecords} ({@code reach_areas}). No resident data.
 */
public final class ReachAreas {
    /** At most this many values per questionnaire: a poster run per street of a neighbourhood, not a city. */
    static final int MAX_VALUES = 100;

    private final ReachAreaRecords areas;
    private final Store store;

    public ReachAreas(Store store) {
        this.store = store;
        this.areas = store.reachAreaRecords();
    }

    /** The field and its values chosen for a questionnaire. */
    public record Choice(String field, List<String> values) {
    }

    public Optional<Choice> of(String questionnaire) {
        return areas.of(questionnaire).map(a -> new Choice(a.field(), a.values()));
    }

    public void save(String questionnaire, Choice choice, String by, Instant now) {
        areas.put(questionnaire, new ReachAreaRecords.Areas(choice.field(), choice.values()), by, now);
        store.audit("reach_areas_changed", Audit.details("questionnaire", questionnaire, "field", choice.field(),
                "values", choice.values().size(), "by", by), now);
    }

    /**
     * What an organiser typed as values (one per line or comma-separated: "Noord, Sint-Jansstraat, Rue Haute") as
     * link values: lower case, spaces as "-", accents dropped ("Église" → "eglise"), duplicates once. Values that
     * still do not fit a link are returned in {@code refused}.
     */
    public record Parsed(List<String> values, List<String> refused) {
    }

    public static Parsed parse(String typed) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        if (typed != null) {
            for (String part : typed.split("[,;\\n\\r]+")) {
                String raw = part.strip();
                if (raw.isEmpty()) {
                    continue;
                }
                String v = slug(raw);
                if (ConversationService.SEGMENT_VALUE.matcher(v).matches()) {
                    values.add(v);
                } else {
                    refused.add(raw);
                }
            }
        }
        return new Parsed(List.copyOf(values), List.copyOf(refused));
    }

    static String slug(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).strip().replaceAll("[\\s.'’]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
    }

    /** A field name as the links carry it ({@code area}); null when it cannot be one. */
    public static String field(String typed) {
        if (typed == null) {
            return null;
        }
        String f = typed.strip().toLowerCase(Locale.ROOT);
        return ConversationService.SEGMENT.matcher(f).matches() ? f : null;
    }
}
