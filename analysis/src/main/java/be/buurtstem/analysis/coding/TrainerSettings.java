package be.buurtstem.analysis.coding;

import opennlp.tools.util.TrainingParameters;

import java.util.List;

/**
 * How the categorizer is trained.
 *
 * @param features   the feature set
 * @param scheme     the multi-label scheme
 * @param algorithm  OpenNLP trainer: {@code MAXENT} (GIS), {@code MAXENT_QN} (L-BFGS), {@code NAIVEBAYES}, {@code PERCEPTRON};
 *                   or a one-vs-rest blend of two, {@code MAXENT_QN+NAIVEBAYES} (see {@link CategorizerCoder}); or
 *                   candidates separated by {@code |}, of which cross-validation picks the one with the best micro F1
 *                   ({@link CoderTrainer}; the first when there are no folds)
 * @param iterations training iterations
 * @param cutoff     a feature seen fewer times is ignored
 * @param folds      folds of the cross-validation that scores each model version and picks the thresholds
 * @param seed       fold assignment seed (fixed: the same data gives the same folds)
 * @param threads    how many one-vs-rest models are trained at once (a background retraining in a service may want 1)
 */
public record TrainerSettings(FeatureSet features, Scheme scheme, String algorithm, int iterations, int cutoff, int folds, long seed,
                              int threads) {
    /** The OpenNLP trainers a setting may name (before DEFAULT, which is checked against it). */
    public static final List<String> ALGORITHMS = List.of("MAXENT", "MAXENT_QN", "NAIVEBAYES", "PERCEPTRON");

    /**
     * The defaults chosen by measurement (analysis/docs/coding.md): one-vs-rest over terms and character 4-grams, with
     * L-BFGS maxent or naive Bayes, whichever cross-validates better on the data at hand (maxent on short template
     * answers, naive Bayes on SIB-200's sentences in every language).
     */
    public static final TrainerSettings DEFAULT = new TrainerSettings(FeatureSet.DEFAULT, Scheme.ONE_VS_REST, "MAXENT_QN|NAIVEBAYES", 100, 1,
            5, 42, Runtime.getRuntime().availableProcessors());

    public TrainerSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        for (String candidate : algorithm.split("\\|", -1)) {
            List<String> algs = List.of(candidate.split("\\+", -1));
            for (String a : algs) {
                if (!ALGORITHMS.contains(a)) {
                    throw new IllegalArgumentException((a.isEmpty() ? "an empty name" : a) + " is not one of " + String.join(", ", ALGORITHMS));
                }
            }
            if (algs.size() > 2 || (algs.size() == 2 && !algs.contains("NAIVEBAYES")) || algs.stream().distinct().count() < algs.size()) {
                throw new IllegalArgumentException("a blend is two algorithms, one of them NAIVEBAYES (e.g. MAXENT_QN+NAIVEBAYES), not " + candidate);
            }
            if (algs.size() == 2 && scheme != Scheme.ONE_VS_REST) {
                throw new IllegalArgumentException("a blend (" + candidate + ") is one-vs-rest only");
            }
        }
    }


    public TrainerSettings(FeatureSet features, Scheme scheme, String algorithm, int iterations, int cutoff, int folds, long seed) {
        this(features, scheme, algorithm, iterations, cutoff, folds, seed, Runtime.getRuntime().availableProcessors());
    }

    public TrainerSettings withThreads(int n) {
        return new TrainerSettings(features, scheme, algorithm, iterations, cutoff, folds, seed, n);
    }

    public TrainerSettings withFeatures(FeatureSet f) {
        return new TrainerSettings(f, scheme, algorithm, iterations, cutoff, folds, seed, threads);
    }

    public TrainerSettings withScheme(Scheme s) {
        return new TrainerSettings(features, s, algorithm, iterations, cutoff, folds, seed, threads);
    }

    public TrainerSettings withAlgorithm(String a) {
        return new TrainerSettings(features, scheme, a, iterations, cutoff, folds, seed, threads);
    }

    public TrainerSettings withFolds(int k) {
        return new TrainerSettings(features, scheme, algorithm, iterations, cutoff, k, seed, threads);
    }

    /** The OpenNLP algorithms of a single candidate: one, or the two of a blend. */
    public List<String> algorithms() {
        if (algorithm.contains("|")) {
            throw new IllegalStateException("choose one of the candidates " + algorithm + " first (CoderTrainer does)");
        }
        return List.of(algorithm.split("\\+"));
    }

    /** The candidates cross-validation chooses from: these settings with each algorithm of {@code A|B} (one if none). */
    public List<TrainerSettings> candidates() {
        return java.util.Arrays.stream(algorithm.split("\\|")).map(this::withAlgorithm).toList();
    }

    TrainingParameters parameters() {
        return parameters(algorithms().get(0));
    }

    TrainingParameters parameters(String alg) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, alg);
        p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        p.put("DataIndexer", "OnePass"); // in memory, not through a temporary file
        p.put("PrintMessages", false);
        return p;
    }
}
