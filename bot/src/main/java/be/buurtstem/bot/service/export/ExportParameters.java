package be.buurtstem.bot.service.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An export as a person typed it, unchecked: the command's options, the API's query parameters or the page's form
 * (Spring binds the last two by these names). Each part may be null or blank (not given). {@link ExportRequest#of}
 * checks it.
 */
public record ExportParameters(String format, String questionnaire, String version, String from, String to,
                               String language, String kind, String segment, String labels) {

    /** These parameters with {@code fallback} as the format when none was given (the API's jsonl, the page's csv). */
    public ExportParameters orFormat(String fallback) {
        return format == null || format.isBlank()
                ? new ExportParameters(fallback, questionnaire, version, from, to, language, kind, segment, labels)
                : this;
    }

    /** The words as typed by name, blank for those not given: what the page shows again on its form. */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("format", nz(format));
        v.put("questionnaire", nz(questionnaire));
        v.put("version", nz(version));
        v.put("from", nz(from));
        v.put("to", nz(to));
        v.put("language", nz(language));
        v.put("kind", nz(kind));
        v.put("segment", nz(segment));
        v.put("labels", nz(labels));
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
