package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.analyst.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code GET /api/analyst/export}: every selected answer in a registered format (analyst token). The filters are
 * checked before the first byte (400 with the reason); then the file streams straight from the store's cursor to
 * the response, so nothing is kept on disk and no size is too large.
 */
@RestController
public class ExportController {
    private static final Logger log = LoggerFactory.getLogger(ExportController.class);
    private final Exporter exporter;

    public ExportController(Exporter exporter) {
        this.exporter = exporter;
    }

    /** The parameters are {@link ExportParameters}' names (format: jsonl unless given). */
    @GetMapping("/api/analyst/export")
    public void export(ExportParameters asked, HttpServletResponse response) throws IOException {
        switch (ExportRequest.of(exporter.formats(), asked.orFormat("jsonl"))) {
            case ExportRequest.Refused refused -> throw new ApiException(400, refused.message());
            case ExportRequest.Ready ready -> stream(exporter, ready.format(), ready.filter(), response);
        }
    }

    /** Sends the export as a download (also the page's, {@link ExportPagesController}). */
    static void stream(Exporter exporter, ExportFormat f, ExportFilter filter, HttpServletResponse response)
            throws IOException {
        response.setStatus(200);
        response.setContentType(f.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filter.fileStem()
                + f.extension() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            long n = exporter.export(f, filter, response.getOutputStream());
            log.info("export: {} answers as {}", n, f.name()); // counts only: no filter value names a resident
        } catch (IOException | RuntimeException e) {
            // the status is sent; a broken download is all the analyst can be shown now
            log.warn("export as {} stopped: {}", f.name(), e.getClass().getSimpleName());
            throw e;
        }
    }
}
