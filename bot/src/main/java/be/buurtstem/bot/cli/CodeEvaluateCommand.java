package be.buurtstem.bot.cli;

import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.Evaluation;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.ModelStore;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.analysis.text.TextPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code code evaluate --input F [--folds K] [--json]}: k-fold cross-validation (folds by respondent) of a coder trained
 * on the input's labels; or, with {@code --model}, a saved model scored against the input's labels.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Cross-validates theme coding on labelled answers: per-theme precision, recall, F1 and kappa; micro and macro F1.")
public final class CodeEvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CodeCommand.InputOptions in = new CodeCommand.InputOptions();

    @Mixin
    CodeCommand.ModelOptions model = new CodeCommand.ModelOptions();

    @Option(names = "--folds", defaultValue = "5", description = "number of folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--model", paramLabel = "FILE", description = "score this saved model on the input instead of cross-validating")
    Path modelFile;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--score-synthetic", description = "score the input's synthetic records too: for design measurements only, never a quality figure")
    boolean scoreSynthetic;

    @Override
    public Integer call() {
        return CodeCommand.guarded(spec, this::evaluate);
    }

    private int evaluate() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (modelFile == null && folds < 2) {
            throw new CodeCommand.Failure("--folds: at least 2");
        }
        TrainerSettings settings = model.settings(folds);
        CodeCommand.Labelled labelled = CodeCommand.readLabelled(in, model.withSeeds, scoreSynthetic, err);
        CodeCommand.reportLeftOut(labelled, err);
        if (scoreSynthetic) {
            err.println("warning: --score-synthetic: synthetic answers are scored; these figures are a design measurement, not a quality figure");
        }
        long scorable = labelled.data().stream().filter(la -> !la.synthetic()).count();
        if (scorable == 0) {
            throw new CodeCommand.Failure(in.input + ": no labelled, non-synthetic answers to evaluate on (synthetic seed examples never count)");
        }
        TextPipeline pipeline = TextPipeline.withBundledModel();
        Evaluation.Report report;
        Map<String, Evaluation.Report> byLanguage;
        TopTheme top = new TopTheme();
        String what;
        String algorithm = null;
        if (modelFile != null) {
            if (!Files.isRegularFile(modelFile)) {
                throw new CodeCommand.Failure(modelFile + ": no such model file");
            }
            CoderTrainer.Trained trained = ModelStore.load(modelFile);
            List<Set<String>> gold = new ArrayList<>();
            List<Set<String>> pred = new ArrayList<>();
            Map<String, List<Integer>> langs = new TreeMap<>();
            try (CodeProgress progress = new CodeProgress(System.err, "scoring", scorable)) {
                for (LabelledAnswer la : labelled.data()) {
                    if (la.synthetic()) {
                        continue;
                    }
                    var text = pipeline.analyze(la.answer().text(), la.answer().language());
                    gold.add(la.labels());
                    var coding = trained.coder().code(text);
                    pred.add(Set.copyOf(coding.themes()));
                    String lang = la.answer().language() != null ? la.answer().language() : text.language().language();
                    top.add(lang, la.labels(), coding.scores());
                    langs.computeIfAbsent(lang, x -> new ArrayList<>()).add(gold.size() - 1);
                    progress.update(gold.size());
                }
            }
            Set<String> themes = new TreeSet<>(trained.coder().themes());
            report = Evaluation.evaluate(gold, pred, themes);
            byLanguage = new TreeMap<>();
            langs.forEach((lang, idx) -> byLanguage.put(lang, Evaluation.evaluate(idx.stream().map(gold::get).toList(),
                    idx.stream().map(pred::get).toList(), themes)));
            what = "model " + trained.info().version() + " (" + trained.coder().version() + ") on " + in.input;
        } else {
            CoderTrainer.Chosen chosen;
            try (CodeProgress progress = new CodeProgress(System.err, "cross-validating", folds)) {
                chosen = new CoderTrainer(pipeline).crossValidateAndChoose(labelled.data(),
                        CodeCommand.keywordCoder(CodeCommand.codebook(in.codebook)), settings, progress::update);
            }
            CoderTrainer.CrossValidation cv = chosen.cv();
            if (cv == null) {
                throw new CodeCommand.Failure(in.input + ": fewer labelled non-synthetic answers (" + scorable + ") than folds (" + folds + ")");
            }
            report = cv.report();
            byLanguage = cv.byLanguage();
            for (int i = 0; i < cv.evaluated().size(); i++) {
                LabelledAnswer la = cv.evaluated().get(i);
                String lang = la.answer().language() != null ? la.answer().language() : null;
                top.add(lang, la.labels(), cv.scores().get(i));
            }
            what = folds + "-fold cross-validation by respondent on " + in.input + " (" + settings.features() + ", " + settings.scheme()
                    + ", " + chosen.settings().algorithm() + chosen.why() + ")";
            algorithm = chosen.settings().algorithm();
        }
        if (json) {
            out.println(toJson(report, byLanguage, modelFile == null ? folds : 0, labelled, top, algorithm));
        } else {
            print(out, what, report, byLanguage, labelled, top);
        }
        out.flush();
        return 0;
    }

    /**
     * Top-theme accuracy over the answers labelled with exactly one theme: the share whose highest-scored theme is that
     * one (how single-label data sets such as SIB-200 are scored, thresholds aside). Per language as well.
     */
    static final class TopTheme {
        private final Map<String, int[]> byLanguage = new TreeMap<>();
        private final int[] all = new int[2];

        void add(String language, Set<String> gold, Map<String, Double> scores) {
            if (gold.size() != 1) {
                return;
            }
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Double> e : new TreeMap<>(scores).entrySet()) {
                if (e.getValue() > bestScore) {
                    best = e.getKey();
                    bestScore = e.getValue();
                }
            }
            int right = gold.contains(best) ? 1 : 0;
            all[0] += right;
            all[1]++;
            if (language != null) {
                int[] l = byLanguage.computeIfAbsent(language, x -> new int[2]);
                l[0] += right;
                l[1]++;
            }
        }

        int answers() {
            return all[1];
        }

        double accuracy() {
            return all[1] == 0 ? 0 : (double) all[0] / all[1];
        }

        Double accuracy(String language) {
            int[] l = byLanguage.get(language);
            return l == null || l[1] == 0 ? null : (double) l[0] / l[1];
        }
    }

    private static void print(PrintWriter out, String what, Evaluation.Report r, Map<String, Evaluation.Report> byLanguage,
                              CodeCommand.Labelled labelled, TopTheme top) {
        out.println(what);
        out.printf("%d answers scored%s%n", r.answers(), labelled.synthetic() > 0 ? " (" + labelled.synthetic() + " synthetic answers trained on, never scored)" : "");
        out.printf("%-28s %7s %9s %7s %6s %6s%n", "theme", "support", "precision", "recall", "F1", "kappa");
        for (Evaluation.ThemeScore t : r.perTheme()) {
            out.printf("%-28s %7d %9.3f %7.3f %6.3f %6.3f%n", t.theme(), t.support(), t.precision(), t.recall(), t.f1(), t.kappa());
        }
        out.printf("micro precision %.3f  recall %.3f  F1 %.3f%n", r.microPrecision(), r.microRecall(), r.microF1());
        out.printf("macro F1 %.3f%n", r.macroF1());
        out.printf("Cohen's kappa %.3f (pooled over answer x theme), %.3f (mean over themes)%n", r.kappa(), r.meanKappa());
        out.printf("exact match %.3f%n", r.exactMatch());
        if (top.answers() > 0) {
            out.printf("top-theme accuracy %.3f (%d answers with one theme)%n", top.accuracy(), top.answers());
        }
        if (!byLanguage.isEmpty()) {
            out.println("per language:");
            byLanguage.forEach((lang, l) -> {
                Double acc = top.accuracy(lang);
                out.printf("  %-8s %6d answers  micro F1 %.3f  macro F1 %.3f  kappa %.3f%s%n", lang, l.answers(), l.microF1(),
                        l.macroF1(), l.kappa(), acc == null ? "" : String.format("  top-theme accuracy %.3f", acc));
            });
        }
    }

    private static String toJson(Evaluation.Report r, Map<String, Evaluation.Report> byLanguage, int folds, CodeCommand.Labelled labelled,
                                 TopTheme top, String algorithm) {
        JsonMapper m = JsonMapper.builder().build();
        ObjectNode o = reportJson(m, r);
        if (algorithm != null) {
            o.put("algorithm", algorithm);
        }
        if (top.answers() > 0) {
            o.put("top_theme_accuracy", top.accuracy());
        }
        o.put("folds", folds);
        o.put("synthetic_trained_on", labelled.synthetic());
        o.put("unlabelled_left_out", labelled.unlabelled());
        o.put("skipped", labelled.skipped());
        ObjectNode langs = o.putObject("by_language");
        byLanguage.forEach((lang, l) -> {
            ObjectNode n = reportJson(m, l);
            Double acc = top.accuracy(lang);
            if (acc != null) {
                n.put("top_theme_accuracy", acc);
            }
            langs.set(lang, n);
        });
        return m.writeValueAsString(o);
    }

    private static ObjectNode reportJson(JsonMapper m, Evaluation.Report r) {
        ObjectNode o = m.createObjectNode();
        o.put("answers", r.answers());
        ObjectNode themes = o.putObject("themes");
        for (Evaluation.ThemeScore t : r.perTheme()) {
            ObjectNode n = themes.putObject(t.theme());
            n.put("support", t.support());
            n.put("predicted", t.predicted());
            n.put("precision", t.precision());
            n.put("recall", t.recall());
            n.put("f1", t.f1());
            n.put("kappa", t.kappa());
        }
        ObjectNode micro = o.putObject("micro");
        micro.put("precision", r.microPrecision());
        micro.put("recall", r.microRecall());
        micro.put("f1", r.microF1());
        o.put("macro_f1", r.macroF1());
        o.put("kappa", r.kappa());
        o.put("mean_kappa", r.meanKappa());
        o.put("exact_match", r.exactMatch());
        return o;
    }
}
