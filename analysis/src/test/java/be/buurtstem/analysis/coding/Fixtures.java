package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.text.TextPipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class Fixtures {
    static final TextPipeline PIPELINE = TextPipeline.withBundledModel();

    private Fixtures() {
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/be/buurtstem/analysis/coding/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Codebook codebook() {
        return CodebookReader.parse(resource("codebook-fixture.yaml"), "codebook-fixture.yaml");
    }

    /** The fixture answers, in file order. */
    static List<Answer> answers() {
        JsonMapper m = JsonMapper.builder().build();
        List<Answer> out = new ArrayList<>();
        for (String line : resource("neighbourhood-fixture.jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = m.readTree(line);
            List<String> themes = new ArrayList<>();
            n.get("themes").values().forEach(t -> themes.add(t.stringValue()));
            out.add(new Answer(n.get("id").stringValue(), n.get("text").stringValue(), n.get("respondent").stringValue(), null,
                    n.get("language").stringValue(), themes, Map.of("area", n.get("area").stringValue()), null, Map.of(), false));
        }
        return out;
    }

    static List<LabelledAnswer> labelled(List<Answer> answers) {
        return answers.stream().map(LabelledAnswer::fromRecord).toList();
    }
}
