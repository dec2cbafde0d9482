package be.buurtstem.bot.service.saturation;

import be.buurtstem.bot.service.store.ScopeSettingsRecords;
import be.buurtstem.bot.service.store.ScopeSettingsRecords.ScopeSettingsRecord;
import be.buurtstem.bot.service.store.Store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What organisers set for one questionnaire in the saturation page (kept by the store's {@link ScopeSettingsRecords},
 * {@code saturation_settings}): the neighbourhood's make-up per segment field, as entered (shares in percent or numbers
 * of inhabitants; the same {@code field → value → number} as {@link ExpectationsFile}, which stays the service-wide
 * default: a field set here replaces that field of the file for this questionnaire), and thresholds that win over the
 * questionnaire file's {@code saturation:} block.
 */
public final class ScopeSettings {

    /** The threshold holding the silence rule's delay for this questionnaire, in days. */
    public static final String SILENCE_AFTER_DAYS = "silence_after_days";

    /** How the numbers of a field were entered. */
    public enum Unit { PERCENT, PEOPLE }

    /** One field of the make-up: values with their numbers, in the order entered. */
    public record MakeUpField(Unit unit, Map<String, Double> values) {
        public MakeUpField {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * @param makeUp      field → its values, in the order entered
     * @param thresholds  threshold name (as in the questionnaire file's {@code saturation:} block, plus
     *                    {@code silence_after_days}) → value
     */
    public record Entry(Map<String, MakeUpField> makeUp, Map<String, Double> thresholds, Instant changedAt) {
        public static final Entry EMPTY = new Entry(Map.of(), Map.of(), null);

        public Entry {
            makeUp = Collections.unmodifiableMap(new LinkedHashMap<>(makeUp));
            thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        }

        /** The make-up as shares the analysis reads (numbers are normalised there). */
        public Map<String, Map<String, Double>> shares() {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            makeUp.forEach((f, v) -> out.put(f, v.values()));
            return out;
        }
    }

    private final ScopeSettingsRecords records;

    public ScopeSettings(Store store) {
        this.records = store.scopeSettingsRecords();
    }

    public Entry get(String questionnaire) {
        return records.of(questionnaire).map(ScopeSettings::entry).orElse(Entry.EMPTY);
    }

    public void put(String questionnaire, Entry entry, Instant at) {
        Map<String, ScopeSettingsRecords.MakeUp> makeUp = new LinkedHashMap<>();
        entry.makeUp().forEach((field, f) -> makeUp.put(field,
                new ScopeSettingsRecords.MakeUp(f.unit().name(), f.values())));
        records.put(questionnaire, new ScopeSettingsRecord(makeUp, entry.thresholds(), at), at);
    }

    private static Entry entry(ScopeSettingsRecord r) {
        Map<String, MakeUpField> makeUp = new LinkedHashMap<>();
        r.makeUp().forEach((field, f) -> makeUp.put(field, new MakeUpField(Unit.valueOf(f.unit()), f.values())));
        return new Entry(makeUp, r.thresholds(), r.changedAt());
    }
}
