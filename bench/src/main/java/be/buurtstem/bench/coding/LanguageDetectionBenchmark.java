package be.buurtstem.bench.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.text.LanguageDetector;
import be.buurtstem.analysis.text.LanguageGuess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Language detection (OpenNLP langdetect-183 + the chosen language as prior + Arabizi) on one core, one answer per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class LanguageDetectionBenchmark {
    private LanguageDetector detector;
    private List<Answer> answers;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        detector = LanguageDetector.load();
        answers = CodingData.seeds().stream().map(LabelledAnswer::answer).toList();
    }

    @Benchmark
    public LanguageGuess detect() {
        Answer a = answers.get(next);
        next = (next + 1) % answers.size();
        return detector.detect(a.text(), a.language());
    }
}
