package be.buurtstem.bot.service.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: the typed repositories of {@code service/store/} are the only code that knows the stored documents, so
 * nothing outside that folder may use BSON ({@code org.bson}) or the driver's client API ({@code com.mongodb.client}),
 * nor reach a raw collection ({@code getCollection}). A new class that does fails here with its file and line.
 */
class StoreBoundaryTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path STORE = SOURCES.resolve("be/buurtstem/bot/service/store");
    /** Any use, not only imports: a fully qualified {@code org.bson.Document} would bypass the rule as well. */
    private static final Pattern FORBIDDEN =
            Pattern.compile("\\borg\\.bson\\.|\\bcom\\.mongodb\\.client\\b|\\.getCollection\\(");
    @Test
    void nothingOutsideTheStoreTouchesBsonOrTheDriver() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            if (file.startsWith(STORE)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FORBIDDEN.matcher(lines.get(i));
                if (m.find()) {
                    offences.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), offences, "outside service/store/, use a typed repository of the store instead");
    }

    @Test
    void theScanSeesTheSourcesAndCatchesAnOffence() throws IOException {
        // the rule cannot pass by looking at nothing: the service's sources are there, and the store itself offends
        List<Path> all = sources();
        assertTrue(all.size() > 100, "found only " + all.size() + " source files under " + SOURCES.toAbsolutePath());
        assertTrue(FORBIDDEN.matcher(Files.readString(STORE.resolve("Store.java"))).find());
        assertTrue(FORBIDDEN.matcher("import com.mongodb.client.MongoCollection;").find());
        assertTrue(FORBIDDEN.matcher("var d = new org.bson.Document();").find());
        assertTrue(FORBIDDEN.matcher("store.database().getCollection(\"x\")").find());
        assertTrue(!FORBIDDEN.matcher("ObjectProvider<com.mongodb.event.CommandListener> listeners").find());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
