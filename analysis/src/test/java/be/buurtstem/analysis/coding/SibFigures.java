package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.TextPipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * All SIB-200 figures of coding.md in one JVM (the same CoderTrainer, folds, data order and chosen languages as
 * {@code bin/sib200-figures}, which makes them with the command line, one JVM per step): per language, the
 * cross-validation that chooses the algorithm (the candidates' figures both), the held-out test figures of the
 * model trained on train + dev, the same on the perturbed test sets (short, noisy), and the cross-language table.
 * Run: {@code java -cp analysis/target/classes:analysis/target/test-classes:DEPS be.buurtstem.analysis.coding.SibFigures}.
 * Not a test (minutes of training); {@link SibFiguresTest} keeps the held-out figures.
 */
public final class SibFigures {
    private SibFigures() {
    }

    record Scored(double accuracy, Evaluation.Report report) {
    }

    static Scored score(CombinedCoder coder, TextPipeline pipeline, List<SibFiguresTest.Row> rows, List<String> texts, String language) {
        List<Set<String>> gold = new ArrayList<>();
        List<Set<String>> pred = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < rows.size(); i++) {
            Coding c = coder.code(pipeline.analyze(texts.get(i), language));
            gold.add(Set.of(rows.get(i).category()));
            pred.add(Set.copyOf(c.themes()));
            right += !c.scores().isEmpty() && c.scores().keySet().iterator().next().equals(rows.get(i).category()) ? 1 : 0;
        }
        return new Scored(100.0 * right / rows.size(), Evaluation.evaluate(gold, pred, new TreeSet<>(coder.themes())));
    }

    static double cvAccuracy(CoderTrainer.CrossValidation cv) {
        int right = 0;
        for (int i = 0; i < cv.evaluated().size(); i++) {
            Map<String, Double> s = cv.scores().get(i);
            String best = null;
            for (Map.Entry<String, Double> e : new java.util.TreeMap<>(s).entrySet()) {
                if (best == null || e.getValue() > s.get(best)) {
                    best = e.getKey();
                }
            }
            right += cv.evaluated().get(i).labels().contains(best) ? 1 : 0;
        }
        return 100.0 * right / cv.evaluated().size();
    }

    static String fmt(double acc, Evaluation.Report r) {
        return String.format("%5.1f | %.3f | %.3f | %.3f", acc, r.microF1(), r.macroF1(), r.kappa());
    }

    static void perturbed(Perturber perturber, TextPipeline pipeline, String file, String name, String language, List<SibFiguresTest.Row> test,
                          CombinedCoder before, CombinedCoder after) throws IOException {
        // mixing takes words from the same sentence in French (in Dutch for French)
        Map<String, String> other = new HashMap<>();
        for (SibFiguresTest.Row r : SibFiguresTest.read((file.equals("fra_Latn") ? "nld_Latn" : "fra_Latn") + "-test")) {
            other.put(r.id(), r.text());
        }
        List<String> shortTexts = test.stream().map(r -> perturber.perturb(r.id(), r.text(), null, Perturber.Level.SHORT)).toList();
        List<String> noisyTexts = test.stream().map(r -> perturber.perturb(r.id(), r.text(), other.get(r.id()), Perturber.Level.NOISY)).toList();
        System.out.printf("perturbed | %s | %.1f | %.1f | %.1f | %.1f |%n", name,
                score(before, pipeline, test, shortTexts, language).accuracy(), score(after, pipeline, test, shortTexts, language).accuracy(),
                score(before, pipeline, test, noisyTexts, language).accuracy(), score(after, pipeline, test, noisyTexts, language).accuracy());
    }

    public static void main(String[] args) throws IOException {
        TextPipeline pipeline = TextPipeline.withBundledModel();
        CoderTrainer trainer = new CoderTrainer(pipeline);
        Perturber perturber = new Perturber(42);
        TrainerSettings settings = TrainerSettings.DEFAULT.withThreads(1);
        Map<String, CombinedCoder> models = new LinkedHashMap<>();
        Map<String, List<SibFiguresTest.Row>> tests = new HashMap<>();
        // arguments: the languages to do (default all); "cross" alone: only the cross-language table
        List<String> only = List.of(args);
        boolean crossOnly = only.equals(List.of("cross"));
        for (Map.Entry<String, String[]> e : SibFiguresTest.LANGUAGES.entrySet()) {
            if (crossOnly || (!only.isEmpty() && !only.contains(e.getKey()))) {
                continue;
            }
            String name = e.getKey();
            String file = e.getValue()[0];
            String language = e.getValue()[1];
            List<SibFiguresTest.Row> train = new ArrayList<>(SibFiguresTest.read(file + "-train"));
            train.addAll(SibFiguresTest.read(file + "-dev"));
            List<SibFiguresTest.Row> test = SibFiguresTest.read(file + "-test");
            tests.put(name, test);
            List<LabelledAnswer> data = SibFiguresTest.labelled(train, language);
            long t0 = System.nanoTime();
            CoderTrainer.Chosen chosen = trainer.crossValidateAndChoose(data, null, settings, null);
            StringBuilder line = new StringBuilder("| " + name + " | " + chosen.settings().algorithm());
            for (String candidate : List.of("MAXENT_QN", "NAIVEBAYES")) {
                CoderTrainer.CrossValidation cv = chosen.byCandidate().get(candidate);
                line.append(" | CV ").append(candidate).append(' ').append(fmt(cvAccuracy(cv), cv.report()));
            }
            // the model code train makes: the chosen algorithm, thresholds from its cross-validation
            CoderTrainer.Trained t = trainer.train(data, null, settings, 1, Instant.EPOCH, null);
            CoderTrainer.Trained before = trainer.train(data, null, settings.withAlgorithm("MAXENT_QN").withFolds(0), 1, Instant.EPOCH, null);
            models.put(name, t.coder());
            List<String> clean = test.stream().map(SibFiguresTest.Row::text).toList();
            Scored held = score(t.coder(), pipeline, test, clean, language);
            Scored old = score(before.coder(), pipeline, test, clean, language);
            line.append(" | test ").append(fmt(held.accuracy(), held.report())).append(" | before ").append(fmt(old.accuracy(), old.report()));
            line.append(String.format(" | %.0f s |", (System.nanoTime() - t0) / 1e9));
            System.out.println(line);
            perturbed(perturber, pipeline, file, name, language, test, before.coder(), t.coder());
        }
        if (!only.isEmpty() && !crossOnly) {
            return;
        }
        if (crossOnly) {
            // the cross-language table alone: each language's model with the algorithm its cross-validation chose
            // (naive Bayes in all six), trained on all of train + dev (thresholds do not enter top-theme accuracy)
            for (Map.Entry<String, String[]> e : SibFiguresTest.LANGUAGES.entrySet()) {
                List<SibFiguresTest.Row> train = new ArrayList<>(SibFiguresTest.read(e.getValue()[0] + "-train"));
                train.addAll(SibFiguresTest.read(e.getValue()[0] + "-dev"));
                tests.put(e.getKey(), SibFiguresTest.read(e.getValue()[0] + "-test"));
                List<LabelledAnswer> data = SibFiguresTest.labelled(train, e.getValue()[1]);
                CombinedCoder after = trainer.train(data, null, settings.withAlgorithm(System.getProperty("algorithm", "NAIVEBAYES")).withFolds(0), 1,
                        Instant.EPOCH, null).coder();
                models.put(e.getKey(), after);
                CombinedCoder before = trainer.train(data, null, settings.withAlgorithm("MAXENT_QN").withFolds(0), 1, Instant.EPOCH, null).coder();
                perturbed(perturber, pipeline, e.getValue()[0], e.getKey(), e.getValue()[1], tests.get(e.getKey()), before, after);
            }
        }
        System.out.println();
        System.out.println("cross-language top-theme accuracy (row: trained on; column: test split)");
        for (Map.Entry<String, CombinedCoder> m : models.entrySet()) {
            StringBuilder line = new StringBuilder("| " + m.getKey());
            for (Map.Entry<String, String[]> e : SibFiguresTest.LANGUAGES.entrySet()) {
                List<SibFiguresTest.Row> test = tests.get(e.getKey());
                line.append(String.format(" | %.1f", score(m.getValue(), pipeline, test, test.stream().map(SibFiguresTest.Row::text).toList(),
                        e.getValue()[1]).accuracy()));
            }
            System.out.println(line.append(" |"));
        }
    }
}
