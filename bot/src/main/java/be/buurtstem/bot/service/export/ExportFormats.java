package be.buurtstem.bot.service.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export formats by name, in the order the page lists them. {@link #standard()} holds CSV, JSON Lines and XLSX;
 * another format registers itself with {@link #with}, and the command, the API and the page offer it as they are.
 */
public final class ExportFormats {
    private final Map<String, ExportFormat> formats;

    private ExportFormats(Map<String, ExportFormat> formats) {
        this.formats = Collections.unmodifiableMap(formats);
    }

    public static ExportFormats standard() {
        return new ExportFormats(new LinkedHashMap<>()).with(new CsvExport()).with(new JsonLinesExport())
                .with(new XlsxExport());
    }

    /** What the command, the API and the page offer: {@link #standard()} and the REFI-QDA project ({@code qdpx}). */
    public static ExportFormats offered() {
        return standard().with(new be.buurtstem.bot.service.export.qdpx.QdpxFormat());
    }

    /** These formats and {@code format} (a new registry; a name already taken is refused). */
    public ExportFormats with(ExportFormat format) {
        if (!format.name().matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("an export format's name is 1-16 lower-case letters or digits: "
                    + format.name());
        }
        if (formats.containsKey(format.name())) {
            throw new IllegalArgumentException("export format " + format.name() + " is registered twice");
        }
        Map<String, ExportFormat> all = new LinkedHashMap<>(formats);
        all.put(format.name(), format);
        return new ExportFormats(all);
    }

    public Optional<ExportFormat> find(String name) {
        return Optional.ofNullable(name == null ? null : formats.get(name.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The format of this name, or {@link IllegalArgumentException} naming those there are. */
    public ExportFormat of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("format must be one of "
                + String.join(", ", names()) + (name == null || name.isBlank() ? "" : " (got \""
                + (name.length() > 20 ? name.substring(0, 20) + "…" : name) + "\")")));
    }

    public List<String> names() {
        return new ArrayList<>(formats.keySet());
    }
}
