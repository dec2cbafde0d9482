package be.buurtstem.bench.coding;

import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.analysis.text.TextPipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Training a new model version on 10,000 answers (21 themes): text pipeline, features, one L-BFGS maxent model per
 * theme; {@code threads} models at once. Without cross-validation ({@code folds=0}); a 5-fold cross-validated
 * training does this six times. {@code algorithm}: the default's two candidates, each alone (with folds the default
 * cross-validates both, then trains the better one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrainingBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"MAXENT_QN", "NAIVEBAYES"})
    public String algorithm;

    private TextPipeline pipeline;
    private KeywordCoder keywords;
    private List<LabelledAnswer> data;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pipeline = TextPipeline.withBundledModel();
        keywords = new KeywordCoder(CodebookReader.bundled());
        data = CodingData.expanded(10_000, 3);
    }

    @Benchmark
    public CoderTrainer.Trained train10k() {
        return new CoderTrainer(pipeline).train(data, keywords, TrainerSettings.DEFAULT.withAlgorithm(algorithm).withFolds(0).withThreads(threads), 1,
                Instant.EPOCH, null);
    }
}
