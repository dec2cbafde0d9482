package be.buurtstem.bot.service.export.qdpx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A REFI-QDA project ({@code .qdpx}: a zip of {@code project.qde} and {@code sources/GUID.txt}) that NVivo,
 * ATLAS.ti, MAXQDA and QualCoder import: each respondent's answers to a questionnaire as a plain-text source with a
 * selection per answer, the codebook as codes, coded answers as codings, analysts and the coder as users, what is
 * known of each resident as variables on their case. Written as a stream straight into {@code out} (three passes
 * over the source, nothing of the answers kept between them; the zip's directory keeps 39 bytes per source, see
 * {@link StreamingZip}); {@code out} is flushed, not closed.
 */
public final class QdpxExport {
    private QdpxExport() {
    }

    public static void write(QdpxSource source, OutputStream out) throws IOException {
        ProjectOutline outline = ProjectOutline.scan(source);
        StreamingZip zip = new StreamingZip(out);
        // the StAX writer hands over a few bytes at a time, and the deflater works once per write it is given
        try (OutputStream qde = new BufferedOutputStream(zip.stream("project.qde"), 1 << 16)) {
            ProjectXml.write(source, outline, qde);
        }
        try {
            source.eachRespondent(r -> {
                if (r.answers().isEmpty()) {
                    return;
                }
                try {
                    zip.add("sources/" + QdpxGuids.source(r.respondent(), r.questionnaire()) + ".txt",
                            SourceText.of(r.answers()).text().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.finish();
    }
}
