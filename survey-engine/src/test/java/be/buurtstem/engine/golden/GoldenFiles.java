package be.buurtstem.engine.golden;

import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.model.Questionnaire;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every golden transcript ({@code *.transcript}) under a folder: plays its script and compares the whole file
 * with what the engine does now. A difference fails with a readable diff; with {@code -Dgolden.update=true} on the
 * {@code mvn} command line the files are rewritten instead (then read the change with {@code git diff}).
 */
public final class GoldenFiles {
    /** Where the goldens of a module live, from the module's folder (surefire's working directory). */
    public static final Path FOLDER = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** One test per golden file under {@link #FOLDER}, questionnaires read from the classpath. */
    public static Stream<DynamicTest> tests() {
        return tests(FOLDER, updating());
    }

    static Stream<DynamicTest> tests(Path folder, boolean update) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(p -> p.toString().endsWith(".transcript")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new AssertionError("no *.transcript file under " + folder.toAbsolutePath());
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(folder.relativize(f).toString(), f.toUri(), () -> check(f, update)));
    }

    /** Plays one golden file; fails on any difference, or rewrites the file when updating. */
    public static void check(Path file, boolean update) throws IOException {
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        Script script = Script.parse(file.getFileName().toString(), expected);
        String actual = Transcript.play(script, questionnaire(script.questionnaire()));
        if (actual.equals(expected)) {
            return;
        }
        if (update) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        throw new AssertionError(file + " differs from what the engine does now (- the file, + now);"
                + " if the change is intended: mvn ... test -Dgolden.update=true, then review git diff\n"
                + LineDiff.diff(expected, actual));
    }

    /** A questionnaire from the classpath ({@code /questionnaires/x.yaml}); it must load without errors. */
    public static Questionnaire questionnaire(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no questionnaire " + resource + " on the test classpath");
            }
            LoadResult r = QuestionnaireLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    path.substring(path.lastIndexOf('/') + 1));
            if (r.questionnaire() == null || r.hasErrors()) {
                throw new AssertionError(resource + " does not load: " + r.problems());
            }
            return r.questionnaire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
