package be.buurtstem.bench.saturation;

import be.buurtstem.analysis.saturation.CodedAnswer;
import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.Saturation;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock and CPU time of the full report over a million answers, for a shared machine where JMH's wall-clock
 * figures swing with the load: {@code java -cp bench/target/benchmarks.jar be.buurtstem.bench.saturation.SaturationCpuTime}.
 */
public final class SaturationCpuTime {

    private SaturationCpuTime() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<CodedAnswer> data = SaturationBench.answers(n, 1, "a");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            long wall = System.nanoTime();
            long cpu = mx.getCurrentThreadCpuTime();
            SaturationReport r = Saturation.report(data, SaturationBench.BY, SaturationThresholds.DEFAULTS,
                    Expectations.NONE);
            long cpuMs = (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            long wallMs = (System.nanoTime() - wall) / 1_000_000;
            sink += r.overall().themesSeen();
            System.out.printf(Locale.ROOT, "round %d: wall %d ms, thread CPU %d ms%n", i + 1, wallMs, cpuMs);
        }
        System.out.println("(" + sink + ")");
    }
}
