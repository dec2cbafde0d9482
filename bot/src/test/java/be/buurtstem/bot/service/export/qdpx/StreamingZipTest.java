package be.buurtstem.bot.service.export.qdpx;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The zip writer read back by the JDK's directory-based reader, also beyond 65,535 entries (ZIP64 end records). */
class StreamingZipTest {
    @Test
    void moreEntriesThanAPlainZipCountsAreReadBackByTheDirectory() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamingZip zip = new StreamingZip(bytes);
        try (var qde = zip.stream("project.qde")) {
            for (int i = 0; i < 1000; i++) {
                qde.write(("<line n=\"" + i + "\"/>\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            zip.add("sources/" + UUID.nameUUIDFromBytes(("s" + i).getBytes()) + ".txt",
                    ("[wish]\nالحديقة " + i + " 🌳\n\n").getBytes(StandardCharsets.UTF_8));
        }
        zip.add("other name é.txt", new byte[0]);
        zip.finish();
        Path file = Files.createTempFile("streaming-zip-", ".zip");
        try {
            Files.write(file, bytes.toByteArray());
            try (ZipFile z = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                assertEquals(n + 2, z.size());
                String qde = new String(z.getInputStream(z.getEntry("project.qde")).readAllBytes(),
                        StandardCharsets.UTF_8);
                assertEquals(1000, qde.lines().count());
                for (int i : new int[]{0, 65_535, 65_536, n - 1}) {
                    var e = z.getEntry("sources/" + UUID.nameUUIDFromBytes(("s" + i).getBytes()) + ".txt");
                    assertArrayEquals(("[wish]\nالحديقة " + i + " 🌳\n\n").getBytes(StandardCharsets.UTF_8),
                            z.getInputStream(e).readAllBytes(), "entry " + i);
                }
                assertEquals(0, z.getInputStream(z.getEntry("other name é.txt")).readAllBytes().length);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
