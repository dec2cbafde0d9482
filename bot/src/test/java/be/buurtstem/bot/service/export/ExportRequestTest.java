package be.buurtstem.bot.service.export;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The one check the command, the API and the page share: format, filters and the format's own refusals. */
class ExportRequestTest {
    static ExportParameters asked(String format, String questionnaire, String version, String segment) {
        return new ExportParameters(format, questionnaire, version, null, null, null, null, segment, null);
    }

    @Test
    void aGoodRequestIsReadyWithItsFormatAndFilter() {
        var ready = assertInstanceOf(ExportRequest.Ready.class,
                ExportRequest.of(ExportFormats.standard(), asked(" XLSX ", "buurt", "2", "area=noord")));
        assertEquals("xlsx", ready.format().name());
        assertEquals("buurt", ready.filter().questionnaire());
        assertEquals(2, ready.filter().version());
        assertEquals("noord", ready.filter().segmentValue());
    }

    @Test
    void aBadFormatAndABadFilterEachGiveTheirReason() {
        var refused = assertInstanceOf(ExportRequest.Refused.class,
                ExportRequest.of(ExportFormats.standard(), asked("xml", null, "0", null)));
        assertEquals(List.of("format must be one of csv, jsonl, xlsx (got \"xml\")",
                "version must be a questionnaire version number (1 or more), not \"0\""), refused.reasons());
        assertEquals(String.join("; ", refused.reasons()), refused.message());
        var oneReason = assertInstanceOf(ExportRequest.Refused.class,
                ExportRequest.of(ExportFormats.standard(), asked("csv", null, null, "area")));
        assertEquals("segment must be field=value, e.g. area=noord (got \"area\")", oneReason.message());
    }

    @Test
    void theFormatRefusesAFilterItCannotHonour() {
        ExportFormat wholeOnly = new ExportFormat() {
            public String name() {
                return "whole";
            }

            public String extension() {
                return ".txt";
            }

            public String mediaType() {
                return "text/plain";
            }

            @Override
            public void check(ExportFilter filter) {
                if (filter.version() != null) {
                    throw new IllegalArgumentException("whole takes every version");
                }
            }

            public void write(ExportSource source, OutputStream out) {
            }
        };
        ExportFormats formats = ExportFormats.standard().with(wholeOnly);
        assertEquals("whole takes every version", assertInstanceOf(ExportRequest.Refused.class,
                ExportRequest.of(formats, asked("whole", "buurt", "3", null))).message());
        assertInstanceOf(ExportRequest.Ready.class, ExportRequest.of(formats, asked("whole", "buurt", null, null)));
        assertInstanceOf(ExportRequest.Ready.class, ExportRequest.of(formats, asked("csv", "buurt", "3", null)),
                "another format is not held to its check");
    }

    @Test
    void theProjectIsNamedAndCheckedWithoutAStore() {
        ExportFormats offered = ExportFormats.offered();
        assertEquals(List.of("csv", "jsonl", "xlsx", "qdpx"), offered.names());
        var narrowed = assertInstanceOf(ExportRequest.Refused.class, ExportRequest.of(offered,
                new ExportParameters("qdpx", "buurt", null, null, null, "nl", null, null, null)));
        assertEquals(true, narrowed.message().contains("cannot be narrowed by language"), narrowed.message());
        var ready = assertInstanceOf(ExportRequest.Ready.class, ExportRequest.of(offered,
                new ExportParameters("qdpx", "buurt", null, null, null, null, null, null, "fr")));
        assertEquals(".qdpx", ready.format().extension());
    }

    @Test
    void aMissingFormatTakesTheCallersDefaultAndThePageGetsTheWordsBack() {
        ExportParameters blank = asked("  ", "buurt", null, null);
        assertEquals("csv", blank.orFormat("csv").format());
        assertEquals("xlsx", asked("xlsx", null, null, null).orFormat("csv").format(), "a given format stays");
        assertEquals("format must be one of csv, jsonl, xlsx",
                assertInstanceOf(ExportRequest.Refused.class, ExportRequest.of(ExportFormats.standard(), blank))
                        .message());
        var values = blank.orFormat("jsonl").values();
        assertEquals(List.of("format", "questionnaire", "version", "from", "to", "language", "kind", "segment",
                "labels"), List.copyOf(values.keySet()));
        assertEquals("jsonl", values.get("format"));
        assertEquals("buurt", values.get("questionnaire"));
        assertEquals("", values.get("version"), "not given: blank on the form");
    }
}
