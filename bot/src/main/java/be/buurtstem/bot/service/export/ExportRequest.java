package be.buurtstem.bot.service.export;

import java.util.ArrayList;
import java.util.List;

/**
 * An export checked before anything is written, the same way for the command, the API and the page: the format
 * named in the registry, the filters parsed, and the format's own check of them (the REFI-QDA project refuses the
 * filters it cannot honour). Either {@link Ready} to run or {@link Refused} with reasons a person can act on; each
 * caller shows those its own way (the command's usage error, the API's 400, the page's message on its form).
 */
public sealed interface ExportRequest {

    /** A format and a filter it can honour. */
    record Ready(ExportFormat format, ExportFilter filter) implements ExportRequest {
    }

    /** Why the export cannot be made: a bad format name and a bad filter each give their reason. */
    record Refused(List<String> reasons) implements ExportRequest {
        public Refused {
            reasons = List.copyOf(reasons);
        }

        /** The reasons in one line, as the callers show them. */
        public String message() {
            return String.join("; ", reasons);
        }
    }

    /** Checks {@code asked} against the registered {@code formats}. */
    static ExportRequest of(ExportFormats formats, ExportParameters asked) {
        List<String> reasons = new ArrayList<>();
        ExportFormat format = null;
        ExportFilter filter = null;
        try {
            format = formats.of(asked.format());
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
        }
        try {
            filter = ExportFilter.parse(asked.questionnaire(), asked.version(), asked.from(), asked.to(),
                    asked.language(), asked.kind(), asked.segment(), asked.labels());
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
        }
        if (format != null && filter != null) {
            try {
                format.check(filter); // only a filter that parsed can be held against the format
            } catch (IllegalArgumentException e) {
                reasons.add(e.getMessage());
            }
        }
        return reasons.isEmpty() ? new Ready(format, filter) : new Refused(reasons);
    }
}
