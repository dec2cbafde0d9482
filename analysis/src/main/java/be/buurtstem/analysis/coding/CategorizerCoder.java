package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.naivebayes.NaiveBayesModel;
import opennlp.tools.util.ObjectStreamUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenNLP document-categorizer coder: {@link DoccatModel}s trained on coded answers, over the features of a
 * {@link FeatureSet}, made multi-label by a {@link Scheme}. Scores only; thresholds are the combined coder's.
 * Immutable and thread-safe (OpenNLP's maxent models evaluate without shared state).
 *
 * <p>One-vs-rest can blend two OpenNLP models per theme (algorithm {@code MAXENT_QN+NAIVEBAYES}): the theme's score is
 * the logistic of the sum of the models' log-odds, the naive Bayes one scaled by {@value #NAIVE_BAYES_SCALE}. Naive
 * Bayes' log-odds grow with every feature it treats as independent (hundreds on a sentence), so it is scaled to the
 * range of the maxent model's; the scale was chosen by cross-validation (analysis/docs/coding.md). Both kinds are
 * log-linear in their features, so the blend folds into the same single table as one model.
 */
public final class CategorizerCoder implements ThemeCoder {
    static final String NONE = "__none__";
    static final String YES = "1";
    static final String NO = "0";
    /** The weight of a naive Bayes model's log-odds in a score (alone or blended), chosen by cross-validation. */
    static final double NAIVE_BAYES_SCALE = 0.1;

    private final String version;
    private final FeatureSet features;
    private final Scheme scheme;
    private final List<String> themes;
    /** ONE_VS_REST: one model per theme (null for a theme with only one outcome); MULTINOMIAL: one model. */
    private final List<DoccatModel> models;
    /** ONE_VS_REST blend: the second model per theme (naive Bayes), or null when there is no blend. */
    private final List<DoccatModel> second;
    /** ONE_VS_REST: the constant score of a theme without model (its only outcome: 1 or 0). */
    private final double[] constant;
    private final int[] yesIndex;
    /**
     * ONE_VS_REST with L-BFGS (QN) models: the themes' models folded into one table, feature → (theme, weight of
     * "1" minus weight of "0"), so an answer costs one lookup per feature instead of one per feature and theme.
     * A binary QN model's P("1") is the logistic function of that sum: the same number OpenNLP computes. Null otherwise.
     */
    private final Map<String, Weights> folded;

    /** ONE_VS_REST folded: the constant log-odds per theme (a naive Bayes model's prior; 0 for maxent). */
    private final double[] prior;

    private record Weights(int[] themes, double[] deltas) {
    }

    CategorizerCoder(String version, FeatureSet features, Scheme scheme, List<String> themes, List<DoccatModel> models, double[] constant) {
        this(version, features, scheme, themes, models, null, constant);
    }

    CategorizerCoder(String version, FeatureSet features, Scheme scheme, List<String> themes, List<DoccatModel> models,
                     List<DoccatModel> second, double[] constant) {
        this.version = version;
        this.features = features;
        this.scheme = scheme;
        this.themes = List.copyOf(themes);
        this.models = new ArrayList<>(models);
        this.second = second == null ? null : new ArrayList<>(second);
        if (second != null && (scheme != Scheme.ONE_VS_REST || second.size() != models.size())) {
            throw new IllegalArgumentException("a blend is one-vs-rest, with a second model per theme");
        }
        this.constant = constant.clone();
        if (scheme == Scheme.ONE_VS_REST) {
            yesIndex = new int[themes.size()];
            for (int i = 0; i < themes.size(); i++) {
                DoccatModel m = models.get(i);
                yesIndex[i] = m == null ? -1 : m.getMaxentModel().getIndex(YES);
            }
        } else {
            MaxentModel m = models.get(0).getMaxentModel();
            yesIndex = new int[themes.size()];
            for (int i = 0; i < themes.size(); i++) {
                yesIndex[i] = m.getIndex(themes.get(i));
            }
        }
        this.prior = new double[themes.size()];
        Map<String, Weights> f = null;
        if (scheme == Scheme.ONE_VS_REST) {
            Map<String, List<double[]>> acc = new HashMap<>();
            boolean ok = fold(this.models, acc, prior);
            if (ok && this.second != null) {
                ok = fold(this.second, acc, prior);
            }
            f = ok ? table(acc) : null;
        }
        this.folded = f;
    }

    /** Adds the models' log-odds per feature to {@code acc} (and constants to {@code prior}); false if a model cannot be folded. */
    @SuppressWarnings("unchecked")
    private static boolean fold(List<DoccatModel> models, Map<String, List<double[]>> acc, double[] prior) {
        for (int t = 0; t < models.size(); t++) {
            DoccatModel dm = models.get(t);
            if (dm == null) {
                continue;
            }
            if (dm.getMaxentModel() instanceof NaiveBayesModel nb) {
                foldNaiveBayes(nb, t, acc, prior);
                continue;
            }
            if (!(dm.getMaxentModel() instanceof QNModel qn)) {
                return false;
            }
            Object[] data = qn.getDataStructures();
            Map<String, Context> pmap = (Map<String, Context>) data[1];
            int yes = qn.getIndex(YES);
            int no = qn.getIndex(NO);
            for (Map.Entry<String, Context> e : pmap.entrySet()) {
                int[] outcomes = e.getValue().getOutcomes();
                double[] params = e.getValue().getParameters();
                double delta = 0;
                for (int j = 0; j < outcomes.length; j++) {
                    if (outcomes[j] == yes) {
                        delta += params[j];
                    } else if (outcomes[j] == no) {
                        delta -= params[j];
                    }
                }
                if (delta != 0) {
                    acc.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(new double[] {t, delta});
                }
            }
        }
        return true;
    }

    /**
     * A binary naive Bayes model's log-odds are its prior's plus one term per feature it knows, whatever the others:
     * so each term is read as OpenNLP computes it, from the model's answer on that feature alone, and scaled.
     */
    @SuppressWarnings("unchecked")
    private static void foldNaiveBayes(NaiveBayesModel nb, int t, Map<String, List<double[]>> acc, double[] prior) {
        int yes = nb.getIndex(YES);
        double base = logit(nb.eval(new String[0])[yes]);
        prior[t] += NAIVE_BAYES_SCALE * base;
        Map<String, Context> pmap = (Map<String, Context>) nb.getDataStructures()[1];
        String[] one = new String[1];
        for (String pred : pmap.keySet()) {
            one[0] = pred;
            double delta = NAIVE_BAYES_SCALE * (logit(nb.eval(one)[yes]) - base);
            if (delta != 0) {
                acc.computeIfAbsent(pred, k -> new ArrayList<>(2)).add(new double[] {t, delta});
            }
        }
    }

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
        return Math.log(q) - Math.log1p(-q);
    }

    /** The per-feature lists merged: one entry per (feature, theme). */
    private static Map<String, Weights> table(Map<String, List<double[]>> acc) {
        Map<String, Weights> out = new HashMap<>(acc.size() * 2);
        acc.forEach((pred, list) -> {
            Map<Integer, Double> byTheme = new java.util.TreeMap<>();
            for (double[] td : list) {
                byTheme.merge((int) td[0], td[1], Double::sum);
            }
            int[] ts = new int[byTheme.size()];
            double[] ds = new double[byTheme.size()];
            int i = 0;
            for (Map.Entry<Integer, Double> e : byTheme.entrySet()) {
                ts[i] = e.getKey();
                ds[i++] = e.getValue();
            }
            out.put(pred, new Weights(ts, ds));
        });
        return out;
    }

    /** Trains on answers and their themes; {@code labels.get(i)} are the themes of {@code texts.get(i)}. */
    public static CategorizerCoder train(List<AnalyzedText> texts, List<Set<String>> labels, TrainerSettings settings, String version) {
        List<String[]> feats = new ArrayList<>(texts.size());
        for (AnalyzedText t : texts) {
            feats.add(settings.features().extract(t));
        }
        return trainOnFeatures(feats, labels, settings, version);
    }

    static CategorizerCoder trainOnFeatures(List<String[]> feats, List<Set<String>> labels, TrainerSettings settings, String version) {
        Set<String> themeSet = new LinkedHashSet<>();
        labels.forEach(themeSet::addAll);
        List<String> themes = themeSet.stream().sorted().toList();
        List<DoccatModel> models = new ArrayList<>();
        List<DoccatModel> second = null;
        List<String> algorithms = settings.algorithms();
        double[] constant = new double[themes.size()];
        try {
            if (settings.scheme() == Scheme.ONE_VS_REST) {
                SharedIndex index = new SharedIndex(feats, settings.cutoff());
                DoccatModel[][] trained = new DoccatModel[algorithms.size()][themes.size()];
                List<Integer> toTrain = new ArrayList<>();
                for (int t = 0; t < themes.size(); t++) {
                    int yes = 0;
                    for (Set<String> l : labels) {
                        yes += l.contains(themes.get(t)) ? 1 : 0;
                    }
                    if (yes == 0 || yes == feats.size()) {
                        constant[t] = yes == 0 ? 0 : 1;
                    } else {
                        toTrain.add(t);
                    }
                }
                // the themes' models are independent: trained side by side on settings.threads() threads
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), toTrain.size())), r -> {
                    Thread th = new Thread(r, "doccat-trainer");
                    th.setDaemon(true);
                    return th;
                });
                try {
                    List<Future<?>> jobs = new ArrayList<>();
                    for (int t : toTrain) {
                        for (int a = 0; a < algorithms.size(); a++) {
                            int alg = a;
                            jobs.add(pool.submit(() -> {
                                EventTrainer trainer = TrainerFactory.getEventTrainer(settings.parameters(algorithms.get(alg)), new HashMap<>());
                                MaxentModel m = trainer.train(index.forTheme(labels, themes.get(t)));
                                trained[alg][t] = new DoccatModel("und", m, new HashMap<>(), factory());
                                return null;
                            }));
                        }
                    }
                    for (Future<?> f : jobs) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("training interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
                } finally {
                    pool.shutdownNow();
                }
                models.addAll(java.util.Arrays.asList(trained[0]));
                if (algorithms.size() > 1) {
                    second = java.util.Arrays.asList(trained[1]);
                }
            } else {
                List<DocumentSample> samples = new ArrayList<>();
                for (int i = 0; i < feats.size(); i++) {
                    if (labels.get(i).isEmpty()) {
                        samples.add(new DocumentSample(NONE, feats.get(i)));
                    }
                    for (String theme : labels.get(i)) {
                        samples.add(new DocumentSample(theme, feats.get(i)));
                    }
                }
                models.add(train(samples, settings));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CategorizerCoder(version, settings.features(), settings.scheme(), themes, models, second, constant);
    }

    private static DoccatModel train(List<DocumentSample> samples, TrainerSettings settings) throws IOException {
        if (settings.algorithms().size() > 1) {
            throw new IllegalArgumentException("a blend of algorithms (" + settings.algorithm() + ") is one-vs-rest only");
        }
        return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), settings.parameters(),
                factory());
    }

    private static DoccatFactory factory() {
        return new DoccatFactory(new FeatureGenerator[] {new PrecomputedFeatures()});
    }

    @Override
    public String id() {
        return "doccat";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<String> themes() {
        return new LinkedHashSet<>(themes);
    }

    public List<String> themeList() {
        return themes;
    }

    public FeatureSet features() {
        return features;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** The models, for saving: per theme for ONE_VS_REST (null where the theme had one outcome), one for MULTINOMIAL. */
    List<DoccatModel> models() {
        return models;
    }

    /** The blend's second models (naive Bayes), per theme like {@link #models()}; null without a blend. */
    List<DoccatModel> secondModels() {
        return second;
    }

    double[] constants() {
        return constant.clone();
    }

    @Override
    public Coding code(AnalyzedText text) {
        return Coding.of(id(), version, scores(text), Thresholds.uniform(0.5));
    }

    public Map<String, Double> scores(AnalyzedText text) {
        return scores(features.extract(text));
    }

    /** The scores as OpenNLP's own evaluation of each model gives them (the reference for the folded table). */
    Map<String, Double> scoresByOpenNlp(String[] context) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int t = 0; t < themes.size(); t++) {
            DoccatModel m = models.get(t);
            if (m == null) {
                out.put(themes.get(t), constant[t]);
                continue;
            }
            double z = logOdds(m.getMaxentModel(), context);
            if (second != null) {
                z += logOdds(second.get(t).getMaxentModel(), context);
            }
            out.put(themes.get(t), 1 / (1 + Math.exp(-z)));
        }
        return out;
    }

    /** A binary model's log-odds of "1" as OpenNLP evaluates it, naive Bayes scaled as in the folded table. */
    private static double logOdds(MaxentModel m, String[] context) {
        double z = logit(m.eval(context)[m.getIndex(YES)]);
        return m instanceof NaiveBayesModel ? NAIVE_BAYES_SCALE * z : z;
    }

    Map<String, Double> scores(String[] context) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (folded != null) {
            double[] sum = new double[themes.size()];
            for (String f : context) {
                Weights w = folded.get(f);
                if (w != null) {
                    for (int i = 0; i < w.themes().length; i++) {
                        sum[w.themes()[i]] += w.deltas()[i];
                    }
                }
            }
            for (int t = 0; t < themes.size(); t++) {
                out.put(themes.get(t), models.get(t) == null ? constant[t] : 1 / (1 + Math.exp(-(sum[t] + prior[t]))));
            }
            return out;
        }
        if (second != null) {
            return scoresByOpenNlp(context);
        }
        if (scheme == Scheme.ONE_VS_REST) {
            for (int t = 0; t < themes.size(); t++) {
                DoccatModel m = models.get(t);
                out.put(themes.get(t), m == null ? constant[t] : m.getMaxentModel().eval(context)[yesIndex[t]]);
            }
        } else {
            double[] p = models.get(0).getMaxentModel().eval(context);
            for (int t = 0; t < themes.size(); t++) {
                out.put(themes.get(t), yesIndex[t] < 0 ? 0 : p[yesIndex[t]]);
            }
        }
        return out;
    }
}
