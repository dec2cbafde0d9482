package be.buurtstem.bench.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.analysis.text.TextPipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;

/**
 * The CPU time of {@link TrainingBenchmark}'s and {@link CodingBenchmark}'s operations, for a machine whose cores
 * are shared (wall-clock JMH figures then say more about the load than about the code): training as the whole
 * process's CPU time (the trainer's thread, with {@code threads=1}, plus JIT and GC), coding as this thread's. One
 * thread at a time: the CPU time is what one idle core would take, give or take caches and the JIT.
 * {@code java -cp bench/target/benchmarks.jar be.buurtstem.bench.coding.CpuTime [ALGORITHM...]}
 */
public final class CpuTime {
    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TextPipeline pipeline = TextPipeline.withBundledModel();
        KeywordCoder keywords = new KeywordCoder(CodebookReader.bundled());
        List<LabelledAnswer> train10k = CodingData.expanded(10_000, 3);
        List<LabelledAnswer> train5k = CodingData.expanded(5_000, 1);
        List<Answer> answers = CodingData.expanded(2_000, 2).stream().map(LabelledAnswer::answer).toList();
        for (String algorithm : args.length > 0 ? List.of(args) : List.of("MAXENT_QN", "NAIVEBAYES")) {
            TrainerSettings s = TrainerSettings.DEFAULT.withAlgorithm(algorithm).withFolds(0).withThreads(1);
            for (int round = 0; round < 3; round++) {
                long t0 = os.getProcessCpuTime();
                new CoderTrainer(pipeline).train(train10k, keywords, s, 1, Instant.EPOCH, null);
                double train = (os.getProcessCpuTime() - t0) / 1e9;
                AnswerCoder coder = new AnswerCoder(pipeline, new CoderTrainer(pipeline).train(train5k, keywords, s, 1, Instant.EPOCH, null).coder());
                int n = 0;
                long c0 = mx.getCurrentThreadCpuTime();
                for (int rep = 0; rep < 20; rep++) {
                    for (Answer a : answers) {
                        n += coder.code(a).coding().themes().size() >= 0 ? 1 : 0;
                    }
                }
                double perSecond = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
                System.out.printf("%-22s round %d: training 10,000 answers %.2f s CPU; coding %,.0f answers per CPU second%n", algorithm, round + 1,
                        train, perSecond);
            }
        }
    }
}
