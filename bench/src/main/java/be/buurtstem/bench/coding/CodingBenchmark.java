package be.buurtstem.bench.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.Coding;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.analysis.text.AnalyzedText;
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
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Coding speed on one core: a trained combined coder (OpenNLP doccat one-vs-rest over 21 themes + the bundled
 * codebook's keywords), one answer per operation, cycling through 2,000 answers in six languages.
 * {@code codeAnswer}: the whole path a service runs (normalise, detect the language, segment, stem, code);
 * {@code codeAnalyzed}: the coder alone on analysed text; {@code keywordOnly}: the cold-start coder alone;
 * {@code analyzeOnly}: the text pipeline alone. {@code algorithm}: the coder's model, as cross-validation may choose
 * it (maxent: sparse weights; naive Bayes: a weight for every feature and theme, folded into the same table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CodingBenchmark {
    @Param({"MAXENT_QN", "NAIVEBAYES"})
    public String algorithm;

    private TextPipeline pipeline;
    private AnswerCoder coder;
    private KeywordCoder keywords;
    private List<Answer> answers;
    private AnalyzedText[] analyzed;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pipeline = TextPipeline.withBundledModel();
        keywords = new KeywordCoder(CodebookReader.bundled());
        List<LabelledAnswer> train = CodingData.expanded(5_000, 1);
        CoderTrainer.Trained t = new CoderTrainer(pipeline).train(train, keywords, TrainerSettings.DEFAULT.withAlgorithm(algorithm).withFolds(0), 1,
                Instant.EPOCH, null);
        coder = new AnswerCoder(pipeline, t.coder());
        answers = CodingData.expanded(2_000, 2).stream().map(LabelledAnswer::answer).toList();
        analyzed = answers.stream().map(a -> pipeline.analyze(a.text(), a.language())).toArray(AnalyzedText[]::new);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) % answers.size();
        return i;
    }

    @Benchmark
    public AnswerCoder.Coded codeAnswer() {
        return coder.code(answers.get(nextIndex()));
    }

    @Benchmark
    public Coding codeAnalyzed() {
        return coder.coder().code(analyzed[nextIndex()]);
    }

    @Benchmark
    public Coding keywordOnly() {
        return keywords.code(analyzed[nextIndex()]);
    }

    @Benchmark
    public AnalyzedText analyzeOnly() {
        Answer a = answers.get(nextIndex());
        return pipeline.analyze(a.text(), a.language());
    }
}
