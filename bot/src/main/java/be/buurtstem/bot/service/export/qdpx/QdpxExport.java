package be.buurtstem.bot.service.export.qdpx;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A REFI-QDA project ({@code .qdpx}: a zip of {@code project.qde} and {@code sources/GUID.txt}) that NVivo,
 * ATLAS.ti, MAXQDA and QualCoder import: each respondent's answers to a questionnaire as a plain-text source with a
 * selection per answer, the codebook as codes, coded answers as codings, analysts and the coder as users, what is
 * known of each resident as variables on their case. Written as a stream straight into {@code out} (three passes
 * over the source, nothing of the answers kept between them); {@code out} is not closed.
 */
public final class QdpxExport {
    /** Every entry's time: a fixed one, so that two exports of the same data are the same bytes. */
    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private QdpxExport() {
    }

    public static void write(QdpxSource source, OutputStream out) throws IOException {
        ProjectOutline outline = ProjectOutline.scan(source);
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller's stream stays open
            }
        }, StandardCharsets.UTF_8);
        zip.putNextEntry(entry("project.qde"));
        // the StAX writer hands over a few bytes at a time, and the deflater works once per write it is given
        BufferedOutputStream qde = new BufferedOutputStream(zip, 1 << 16);
        ProjectXml.write(source, outline, qde);
        qde.flush();
        zip.closeEntry();
        try {
            source.eachRespondent(r -> {
                if (r.answers().isEmpty()) {
                    return;
                }
                try {
                    zip.putNextEntry(entry("sources/" + QdpxGuids.source(r.respondent(), r.questionnaire()) + ".txt"));
                    zip.write(SourceText.of(r.answers()).text().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.finish();
        zip.flush();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(ENTRY_TIME);
        return e;
    }
}
