package be.buurtstem.bench.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.LabelledAnswer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark data: the bundled synthetic seed examples (nl, fr, ar, ar-Latn, tr, en; 21 themes), and a larger set made
 * from them by shuffling and dropping words (seeded), so that 10,000 answers are not 10 copies of the same ones.
 * Speed only: no quality is measured on these.
 */
final class CodingData {
    private CodingData() {
    }

    static List<LabelledAnswer> seeds() {
        JsonMapper m = JsonMapper.builder().build();
        List<LabelledAnswer> out = new ArrayList<>();
        try (InputStream in = CodingData.class.getResourceAsStream("/be/buurtstem/content/seed-examples.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("seed-examples.jsonl is not on the classpath (content module)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = m.readTree(line);
                List<String> themes = new ArrayList<>();
                n.get("themes").values().forEach(t -> themes.add(t.stringValue()));
                Answer a = Answer.labelled(n.get("id").stringValue(), n.get("text").stringValue(), n.get("language").stringValue(), themes);
                out.add(new LabelledAnswer(a, Set.copyOf(themes), LabelledAnswer.Source.IMPORTED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code n} answers made from the seeds: words shuffled, up to two dropped, each its own respondent. */
    static List<LabelledAnswer> expanded(int n, long seed) {
        List<LabelledAnswer> seeds = seeds();
        Random rnd = new Random(seed);
        List<LabelledAnswer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LabelledAnswer s = seeds.get(rnd.nextInt(seeds.size()));
            List<String> words = new ArrayList<>(List.of(s.answer().text().split(" ")));
            Collections.shuffle(words, rnd);
            int keep = Math.max(2, words.size() - rnd.nextInt(3));
            String text = String.join(" ", words.subList(0, Math.min(keep, words.size())));
            Answer a = Answer.labelled("b" + i, text, s.answer().language(), List.copyOf(s.labels()));
            out.add(new LabelledAnswer(a, s.labels(), LabelledAnswer.Source.IMPORTED));
        }
        return out;
    }
}
