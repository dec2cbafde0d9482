package be.buurtstem.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The content that ships with Buurtstem: the bundled questionnaires, the theme codebook and the synthetic seed
 * examples, as classpath resources under {@code be/buurtstem/content/}. This class only finds and reads them;
 * loading and validating is the survey engine's job.
 */
public final class Bundled {

    /** The classpath folder of the bundled content. */
    public static final String ROOT = "/be/buurtstem/content/";

    /** The bundled questionnaires, in the order an organiser would offer them. */
    public static final List<String> QUESTIONNAIRES = List.of("inclusieweb", "buurtkaart", "stellingen");

    public static final String CODEBOOK = ROOT + "codebook.yaml";
    public static final String SEED_EXAMPLES = ROOT + "seed-examples.jsonl";

    private Bundled() {
    }

    /** The classpath resource of a bundled questionnaire, e.g. {@code /be/buurtstem/content/questionnaires/stellingen.yaml}. */
    public static String questionnaireResource(String id) {
        return ROOT + "questionnaires/" + id + ".yaml";
    }

    /** The YAML text of a bundled questionnaire. */
    public static String questionnaire(String id) {
        return read(questionnaireResource(id));
    }

    /** The YAML text of the bundled theme codebook. */
    public static String codebook() {
        return read(CODEBOOK);
    }

    /** The bundled synthetic seed examples, one JSON object a line. */
    public static String seedExamples() {
        return read(SEED_EXAMPLES);
    }

    /** Reads a classpath resource as UTF-8 text. */
    public static String read(String resource) {
        try (InputStream in = Bundled.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
