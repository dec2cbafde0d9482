package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows made up on the fly, never held: the tests' and the benchmark's export source. Every eighth answer is a free
 * text (Dutch, Arabic or a formula), the others cycle through the closed kinds, three residents' areas and repeat
 * rounds, so each column and each sheet has something to write.
 */
final class SyntheticSource implements ExportSource {
    static final String ARABIC = "الحديقة متسخة ونحتاج إلى مزيد من الأشجار";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"Klik\")";
    private static final Codebook CODEBOOK = bundled();
    private final long rows;

    SyntheticSource(long rows) {
        this.rows = rows;
    }

    @Override
    public ExportFilter filter() {
        return ExportFilter.none();
    }

    @Override
    public List<String> segmentNames() {
        return List.of("age_band", "area");
    }

    @Override
    public Codebook codebook() {
        return CODEBOOK;
    }

    @Override
    public void each(Consumer<ExportRow> row) {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        for (long i = 0; i < rows; i++) {
            row.accept(row(i, t0.plusSeconds(i)));
        }
    }

    static ExportRow row(long i, Instant at) {
        String respondent = String.format("%032x", i / 8);
        Map<String, String> segments = Map.of("area", i % 3 == 0 ? "noord" : "zuid", "age_band", "25-44");
        String id = "ref-" + i;
        return switch ((int) (i % 8)) {
            case 0 -> new ExportRow(id, respondent, "buurt", 1, "area", 0, "single_choice", null, "noord", "Noord",
                    "Noord", "nl", null, "telegram", segments, at, null, Map.of(), false, null, null);
            case 1 -> new ExportRow(id, respondent, "buurt", 1, "topics", 0, "multiple_choice", null,
                    List.of("groen", "verkeer"), List.of("Groen", "Verkeer"), "Groen, Verkeer", "nl", null, "web",
                    segments, at, null, Map.of(), false, null, null);
            case 2 -> new ExportRow(id, respondent, "buurt", 1, "park", 0, "scale", null, 4L, null, "🙂", "nl", null,
                    "telegram", segments, at, null, Map.of(), false, null, null);
            case 3 -> new ExportRow(id, respondent, "buurt", 1, "years", 0, "number", null, 12.5, null, "12,5", "nl",
                    null, "telegram", segments, at, null, Map.of(), false, null, null);
            case 4 -> new ExportRow(id, respondent, "buurt", 1, "where", 0, "location", null, null, null, "", "nl",
                    null, "telegram", segments, at, null, Map.of(), false, 50.8466, 4.3528);
            case 5 -> new ExportRow(id, respondent, "buurt", 1, "place_name", (int) (i % 3) + 1, "free_text", null,
                    null, null, "De bakker", "nl", null, "telegram", segments, at, null, Map.of(), false, null, null);
            case 6 -> new ExportRow(id, respondent, "buurt", 1, "wish", 0, "free_text", "wishes", null, null, ARABIC,
                    "ar", "ar", "telegram", segments, at, List.of("green_space", "cleanliness"),
                    Map.of("green_space", 0.91234, "cleanliness", 0.6), true, null, null);
            default -> new ExportRow(id, respondent, "buurt", 1, "wish", 0, "free_text", "wishes", null, null,
                    FORMULA + " het park", "nl", "nl", "web", segments, at, List.of("green_space"),
                    Map.of("green_space", 0.8), false, null, null);
        };
    }

    private static Codebook bundled() {
        try {
            return CodebookReader.bundled();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
