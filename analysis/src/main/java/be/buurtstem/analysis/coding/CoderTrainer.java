package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;
import be.buurtstem.analysis.text.TextPipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Trains a new model version from labelled answers (analysts' decisions, imported labels, synthetic seeds) and scores
 * it by k-fold cross-validation. Stateless and thread-safe: a service calls {@link #train} on a background thread and
 * swaps in the returned coder when it is done.
 *
 * <p>Cross-validation: folds are made by respondent (all answers of one respondent in the same fold, so the model is
 * never tested on the person it learnt from), with a fixed seed. Synthetic examples are always on the training side
 * and never scored. For each fold the thresholds are chosen on the held-out scores of the other folds, then applied
 * to this one, so the reported figures do not see their own labels twice. The final model is trained on everything
 * and its thresholds are chosen on all held-out scores.
 */
public final class CoderTrainer {
    private final TextPipeline pipeline;

    public CoderTrainer(TextPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A trained coder and its record. */
    public record Trained(CombinedCoder coder, ModelInfo info) {
    }

    /** Held-out results of a cross-validation: per evaluated example, its scores and the themes it was coded with. */
    public record CrossValidation(List<LabelledAnswer> evaluated, List<Map<String, Double>> scores, List<Set<String>> predicted,
                                  Thresholds thresholds, Evaluation.Report report, Map<String, Evaluation.Report> byLanguage) {
    }

    /**
     * Trains model version {@code version} on {@code data}.
     *
     * @param keywords the codebook's keyword coder to combine with, or null
     * @param progress told the number of steps done (folds + 1 final) as training goes, or null
     */
    public Trained train(List<LabelledAnswer> data, KeywordCoder keywords, TrainerSettings settings, int version, Instant now,
                         IntConsumer progress) {
        return trainValidated(data, keywords, settings, version, now, progress).trained();
    }

    /** A trained coder with the held-out results of its cross-validation (null without one), which {@link Promotion} compares. */
    public record Validated(Trained trained, CrossValidation cv) {
    }

    /** {@link #train}, keeping the cross-validation's held-out results. */
    public Validated trainValidated(List<LabelledAnswer> data, KeywordCoder keywords, TrainerSettings settings, int version,
                                    Instant now, IntConsumer progress) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("nothing to train on: no labelled answers");
        }
        List<AnalyzedText> texts = analyze(data);
        List<String[]> feats = new ArrayList<>(texts.size());
        for (AnalyzedText t : texts) {
            feats.add(settings.features().extract(t));
        }
        Chosen chosen = choose(data, texts, feats, keywords, settings, progress);
        CrossValidation cv = chosen.cv();
        settings = chosen.settings();
        List<Set<String>> labels = data.stream().map(LabelledAnswer::labels).toList();
        String modelVersion = "model-" + version;
        CategorizerCoder cat = CategorizerCoder.trainOnFeatures(feats, labels, settings, modelVersion);
        if (progress != null) {
            progress.accept(settings.folds() + 1);
        }
        Thresholds thresholds = cv != null ? cv.thresholds() : Thresholds.uniform(0.5);
        CombinedCoder coder = new CombinedCoder(keywords, cat, thresholds);
        Map<String, Integer> counts = new TreeMap<>();
        int synthetic = 0;
        for (LabelledAnswer la : data) {
            la.labels().forEach(t -> counts.merge(t, 1, Integer::sum));
            synthetic += la.synthetic() ? 1 : 0;
        }
        for (String t : cat.themeList()) {
            counts.putIfAbsent(t, 0);
        }
        ModelInfo info = new ModelInfo(version, now, data.size(), synthetic, counts, describe(settings, keywords) + chosen.why(),
                thresholds.sorted(), cv == null ? null : cv.report(), cv == null ? null : cv.byLanguage(), cv == null ? 0 : settings.folds());
        return new Validated(new Trained(coder, info), cv);
    }

    /** Cross-validates only (for {@code code evaluate}); null when there are fewer non-synthetic answers than folds. */
    public CrossValidation crossValidate(List<LabelledAnswer> data, KeywordCoder keywords, TrainerSettings settings, IntConsumer progress) {
        return crossValidateAndChoose(data, keywords, settings, progress).cv();
    }

    /**
     * The settings cross-validation chooses among the candidates of {@code settings} (one: itself), with that
     * candidate's cross-validation (null when there are too few answers or no folds: then the first candidate) and,
     * when there was a choice, the candidates' micro F1 as text for the model record.
     */
    public record Chosen(TrainerSettings settings, CrossValidation cv, String why, Map<String, CrossValidation> byCandidate) {
        public Chosen(TrainerSettings settings, CrossValidation cv, String why) {
            this(settings, cv, why, Map.of());
        }
    }

    /** As {@link #crossValidate}, also saying which candidate was chosen (for {@code code evaluate}). */
    public Chosen crossValidateAndChoose(List<LabelledAnswer> data, KeywordCoder keywords, TrainerSettings settings, IntConsumer progress) {
        List<AnalyzedText> texts = analyze(data);
        List<String[]> feats = new ArrayList<>(texts.size());
        for (AnalyzedText t : texts) {
            feats.add(settings.features().extract(t));
        }
        return choose(data, texts, feats, keywords, settings, progress);
    }

    private static Chosen choose(List<LabelledAnswer> data, List<AnalyzedText> texts, List<String[]> feats, KeywordCoder keywords,
                                 TrainerSettings settings, IntConsumer progress) {
        List<TrainerSettings> candidates = settings.candidates();
        if (settings.folds() < 2) {
            return new Chosen(candidates.get(0), null, candidates.size() > 1 ? " (first of " + settings.algorithm() + ": no cross-validation)" : "");
        }
        Chosen best = null;
        Map<String, CrossValidation> all = new java.util.LinkedHashMap<>();
        StringBuilder why = new StringBuilder();
        int k = settings.folds();
        for (int c = 0; c < candidates.size(); c++) {
            int done = c * k;
            int n = candidates.size();
            // progress in folds of the whole: each candidate's folds count 1/n
            IntConsumer p = progress == null ? null : f -> progress.accept((done + f) / n);
            CrossValidation cv = crossValidate(data, texts, feats, keywords, candidates.get(c), p);
            if (cv == null) {
                return new Chosen(candidates.get(0), null, candidates.size() > 1 ? " (first of " + settings.algorithm() + ": too few answers to choose)" : "");
            }
            all.put(candidates.get(c).algorithm(), cv);
            why.append(c == 0 ? " (chosen by cross-validated micro F1 from " : ", ").append(candidates.get(c).algorithm())
                    .append(String.format(java.util.Locale.ROOT, " %.3f", cv.report().microF1()));
            if (best == null || cv.report().microF1() > best.cv().report().microF1()) {
                best = new Chosen(candidates.get(c), cv, "");
            }
        }
        return new Chosen(best.settings(), best.cv(), candidates.size() > 1 ? why.append(")").toString() : "", all);
    }

    private List<AnalyzedText> analyze(List<LabelledAnswer> data) {
        List<AnalyzedText> texts = new ArrayList<>(data.size());
        for (LabelledAnswer la : data) {
            texts.add(pipeline.analyze(la.answer().text(), la.answer().language()));
        }
        return texts;
    }

    private static CrossValidation crossValidate(List<LabelledAnswer> data, List<AnalyzedText> texts, List<String[]> feats,
                                                 KeywordCoder keywords, TrainerSettings settings, IntConsumer progress) {
        int k = settings.folds();
        int[] fold = assignFolds(data, k, settings.seed());
        List<Integer> evaluated = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (fold[i] >= 0) {
                evaluated.add(i);
            }
        }
        if (evaluated.size() < k) {
            return null;
        }
        Set<String> themes = new TreeSet<>();
        data.forEach(la -> themes.addAll(la.labels()));
        Map<Integer, Map<String, Double>> heldOut = new HashMap<>();
        for (int f = 0; f < k; f++) {
            List<String[]> trainFeats = new ArrayList<>();
            List<Set<String>> trainLabels = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    trainFeats.add(feats.get(i));
                    trainLabels.add(data.get(i).labels());
                }
            }
            CategorizerCoder cat = CategorizerCoder.trainOnFeatures(trainFeats, trainLabels, settings, "cv-" + f);
            for (int i : evaluated) {
                if (fold[i] == f) {
                    Map<String, Double> m = new HashMap<>(cat.scores(feats.get(i)));
                    for (String t : themes) {
                        m.putIfAbsent(t, 0.0); // a theme this fold's training data never had
                    }
                    Map<String, Double> kw = keywords == null ? Map.of() : keywords.scores(texts.get(i));
                    heldOut.put(i, CombinedCoder.combine(m, kw));
                }
            }
            if (progress != null) {
                progress.accept(f + 1);
            }
        }
        List<LabelledAnswer> evalData = new ArrayList<>();
        List<Map<String, Double>> evalScores = new ArrayList<>();
        List<Set<String>> evalGold = new ArrayList<>();
        List<Integer> evalFold = new ArrayList<>();
        for (int i : evaluated) {
            evalData.add(data.get(i));
            evalScores.add(heldOut.get(i));
            evalGold.add(data.get(i).labels());
            evalFold.add(fold[i]);
        }
        // thresholds for fold f chosen on the other folds' held-out scores
        List<Set<String>> predicted = new ArrayList<>(evalData.size());
        for (int j = 0; j < evalData.size(); j++) {
            predicted.add(null);
        }
        for (int f = 0; f < k; f++) {
            List<Map<String, Double>> s = new ArrayList<>();
            List<Set<String>> g = new ArrayList<>();
            for (int j = 0; j < evalData.size(); j++) {
                if (evalFold.get(j) != f) {
                    s.add(evalScores.get(j));
                    g.add(evalGold.get(j));
                }
            }
            Thresholds t = ThresholdChooser.choose(s, g, themes);
            for (int j = 0; j < evalData.size(); j++) {
                if (evalFold.get(j) == f) {
                    predicted.set(j, coded(evalScores.get(j), t));
                }
            }
        }
        Thresholds all = ThresholdChooser.choose(evalScores, evalGold, themes);
        Evaluation.Report report = Evaluation.evaluate(evalGold, predicted, themes);
        Map<String, List<Integer>> byLang = new TreeMap<>();
        for (int j = 0; j < evalData.size(); j++) {
            LabelledAnswer la = evalData.get(j);
            String lang = la.answer().language() != null ? la.answer().language() : texts.get(evaluated.get(j)).language().language();
            byLang.computeIfAbsent(lang, x -> new ArrayList<>()).add(j);
        }
        Map<String, Evaluation.Report> perLanguage = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : byLang.entrySet()) {
            List<Set<String>> g = e.getValue().stream().map(evalGold::get).toList();
            List<Set<String>> p = e.getValue().stream().map(predicted::get).toList();
            perLanguage.put(e.getKey(), Evaluation.evaluate(g, p, themes));
        }
        return new CrossValidation(evalData, evalScores, predicted, all, report, perLanguage);
    }

    static Set<String> coded(Map<String, Double> scores, Thresholds t) {
        Set<String> out = new LinkedHashSet<>();
        scores.forEach((theme, s) -> {
            if (s >= t.of(theme)) {
                out.add(theme);
            }
        });
        return out;
    }

    /** The fold of each example (for tests and reports); -1 for synthetic ones. */
    static List<Integer> crossValidateFolds(List<LabelledAnswer> data, int k) {
        return java.util.Arrays.stream(assignFolds(data, k, TrainerSettings.DEFAULT.seed())).boxed().toList();
    }

    /** Fold per example, by respondent; -1 for synthetic examples (always trained on, never scored). */
    static int[] assignFolds(List<LabelledAnswer> data, int k, long seed) {
        Map<String, Integer> groupFold = new HashMap<>();
        List<String> groups = new ArrayList<>(new TreeSet<>(data.stream().filter(la -> !la.synthetic())
                .map(la -> la.answer().respondentOrId()).toList()));
        java.util.Collections.shuffle(groups, new Random(seed));
        for (int i = 0; i < groups.size(); i++) {
            groupFold.put(groups.get(i), i % k);
        }
        int[] fold = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            LabelledAnswer la = data.get(i);
            fold[i] = la.synthetic() ? -1 : groupFold.get(la.answer().respondentOrId());
        }
        return fold;
    }

    private static String describe(TrainerSettings s, KeywordCoder keywords) {
        return "features=" + s.features() + " scheme=" + s.scheme() + " algorithm=" + s.algorithm() + " iterations="
                + s.iterations() + " cutoff=" + s.cutoff() + " keywords=" + (keywords == null ? "none" : keywords.version());
    }
}
