package be.buurtstem.bot.cli;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.saturation.CodedAnswer;
import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.Saturation;
import be.buurtstem.analysis.saturation.SaturationJson;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import be.buurtstem.bot.files.AnswerReader;
import be.buurtstem.bot.cli.CommandInput.BadInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code saturation --input F [--by FIELD,...] [--json]}: the saturation report on coded answers. */
@Command(name = "saturation", mixinStandardHelpOptions = true,
        description = {"Saturation report on coded answers, overall and per segment: do we still hear new themes,"
                + " or the same echoes? And whose voices are missing?",
                "This is code saturation (no new theme codes), not meaning saturation."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class SaturationCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "F",
            description = "coded answers: JSON Lines (.jsonl) or CSV (.csv)")
    Path input;

    @Option(names = "--by", split = ",", paramLabel = "FIELD",
            description = "segment fields, e.g. language,age_band,area,channel")
    List<String> by = new ArrayList<>();

    @Option(names = "--json", description = "print the JSON object of DESIGN.md instead of the readable report")
    boolean json;

    @Option(names = "--per", paramLabel = "FIELD",
            description = "also one report per value of this field (question, survey, block)")
    String per;

    @Option(names = "--expect", paramLabel = "FILE",
            description = "expected make-up of the neighbourhood: JSON {\"field\": {\"value\": share, ...}, ...}")
    Path expect;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Loaded> read = CommandInput.read(err, () -> load(input));
        if (read.isEmpty()) {
            return 1;
        }
        Optional<Expectations> expected = CommandInput.read(err,
                () -> expect == null ? Expectations.NONE : expectations(expect));
        if (expected.isEmpty()) {
            return 1;
        }
        Loaded loaded = read.get();
        Expectations expectations = expected.get();
        SaturationThresholds th = SaturationThresholds.DEFAULTS;
        SaturationReport report = Saturation.report(loaded.answers(), by, th, expectations);
        Map<String, SaturationReport> scopes = per == null ? Map.of()
                : Saturation.byScope(loaded.answers(), a -> a.field(per), by, th, expectations);
        if (json) {
            Map<String, Object> obj = SaturationJson.toMap(report);
            if (per != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                scopes.forEach((k, r) -> s.put(k, SaturationJson.toMap(r)));
                obj.put("per", per);
                obj.put("scopes", s);
            }
            obj.put("skipped_uncoded", loaded.uncoded());
            obj.put("skipped_synthetic", loaded.synthetic());
            out.println(JsonMapper.builder().build().writeValueAsString(obj));
        } else {
            SaturationText.print(out, input.toString(), loaded.uncoded(), loaded.synthetic(), report, by, per, scopes);
        }
        out.flush();
        return 0;
    }

    record Loaded(List<CodedAnswer> answers, long uncoded, long synthetic) {
    }

    /** Reads coded answers; uncoded ({@code themes} absent) and synthetic records do not count. */
    static Loaded load(Path file) throws IOException, BadInput {
        List<CodedAnswer> out = new ArrayList<>();
        long uncoded = 0, synthetic = 0;
        try (AnswerReader in = AnswerReader.open(file)) {
            Answer a;
            while ((a = in.next()) != null) {
                if (a.synthetic()) {
                    synthetic++;
                    continue;
                }
                if (!a.isLabelled()) {
                    uncoded++;
                    continue;
                }
                out.add(toCoded(a, file, in.line()));
            }
        }
        return new Loaded(out, uncoded, synthetic);
    }

    /**
     * Maps an answer-file record: {@code confirmed} (true/false) says whether an analyst confirmed the codes; without
     * it, {@code coder} decides ({@code analyst}, {@code human} or {@code manual} are confirmed; anything else, e.g.
     * {@code machine}, is not); without either, codes with coder scores are machine codes and codes without scores
     * are taken as analyst labels. {@code survey} (or {@code questionnaire}) and {@code block} name the scope.
     */
    static CodedAnswer toCoded(Answer a, Path file, long line) throws BadInput {
        Map<String, String> seg = a.segments();
        boolean confirmed;
        String c = seg.get("confirmed");
        if (c != null) {
            String v = c.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new BadInput(file + ":" + line + ": confirmed must be true or false, not \"" + c + "\"");
            }
            confirmed = v.equals("true");
        } else if (seg.get("coder") != null) {
            String coder = seg.get("coder").strip().toLowerCase(Locale.ROOT);
            confirmed = coder.equals("analyst") || coder.equals("human") || coder.equals("manual");
        } else {
            confirmed = a.scores().isEmpty();
        }
        Map<String, String> fields = new LinkedHashMap<>(seg);
        if (a.language() != null) {
            fields.put("language", a.language());
        }
        if (a.question() != null) {
            fields.put("question", a.question());
        }
        String survey = seg.getOrDefault("survey", seg.get("questionnaire"));
        return new CodedAnswer(a.id(), a.respondent(), survey, a.question(), seg.get("block"), fields, a.themes(),
                a.receivedAt(), confirmed);
    }

    static Expectations expectations(Path file) throws IOException, BadInput {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new BadInput(file + ":" + e.getLocation().getLineNr() + ": invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadInput(file + ":1: expected an object {\"field\": {\"value\": share}}");
        }
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            if (!f.getValue().isObject()) {
                throw new BadInput(file + ": " + f.getKey() + " must map values to shares");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : f.getValue().properties()) {
                if (!v.getValue().isNumber() || v.getValue().doubleValue() < 0) {
                    throw new BadInput(file + ": " + f.getKey() + "." + v.getKey() + " must be a share ≥ 0");
                }
                values.put(v.getKey(), v.getValue().doubleValue());
            }
            shares.put(f.getKey(), values);
        }
        return new Expectations(shares, null);
    }
}
