package be.buurtstem.analysis.coding;

import opennlp.tools.util.TrainingParameters;

/**
 * How the categorizer is trained.
 *
 * @param features   the feature set
 * @param scheme     the multi-label scheme
 * @param algorithm  OpenNLP trainer: {@code MAXENT} (GIS), {@code MAXENT_QN} (L-BFGS), {@code NAIVEBAYES}, {@code PERCEPTRON}
 * @param iterations training iterations
 * @param cutoff     a feature seen fewer times is ignored
 * @param folds      folds of the cross-validation that scores each model version and picks the thresholds
 * @param seed       fold assignment seed (fixed: the same data gives the same folds)
 */
public record TrainerSettings(FeatureSet features, Scheme scheme, String algorithm, int iterations, int cutoff, int folds, long seed) {
    public static final TrainerSettings DEFAULT = new TrainerSettings(FeatureSet.DEFAULT, Scheme.ONE_VS_REST, "MAXENT", 100, 1, 5, 42);

    public TrainerSettings withFeatures(FeatureSet f) {
        return new TrainerSettings(f, scheme, algorithm, iterations, cutoff, folds, seed);
    }

    public TrainerSettings withScheme(Scheme s) {
        return new TrainerSettings(features, s, algorithm, iterations, cutoff, folds, seed);
    }

    public TrainerSettings withAlgorithm(String a) {
        return new TrainerSettings(features, scheme, a, iterations, cutoff, folds, seed);
    }

    public TrainerSettings withFolds(int k) {
        return new TrainerSettings(features, scheme, algorithm, iterations, cutoff, k, seed);
    }

    TrainingParameters parameters() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        return p;
    }
}
