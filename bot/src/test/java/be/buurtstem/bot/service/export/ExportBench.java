package be.buurtstem.bot.service.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: a harness that writes N made-up answers ({@link SyntheticSource}) in each format to a file and prints
 * the time and the peak heap, to show that the writers stream (run it with a small heap, e.g. -Xmx256m; see
 * BENCHMARKS.md for the command). Peak heap: the sum of the heap pools' peak use, reset before each format (a little
 * above the true peak, never below it).
 *
 * <pre>java -Xmx256m -cp ... be.buurtstem.bot.service.export.ExportBench 1000000 csv,jsonl,xlsx /tmp/bench</pre>
 */
public final class ExportBench {
    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        List<String> formats = List.of((args.length > 1 ? args[1] : "csv,jsonl,xlsx").split(","));
        Path dir = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
        Files.createDirectories(dir);
        long max = Runtime.getRuntime().maxMemory() >> 20;
        System.out.printf("export bench: %,d answers per format, max heap %d MB, %d processors%n", rows, max,
                Runtime.getRuntime().availableProcessors());
        for (String name : formats) {
            ExportFormat f = ExportFormats.standard().of(name);
            Path file = dir.resolve("bench" + f.extension());
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                f.write(new SyntheticSource(rows), out);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
            System.out.printf("%-5s %,d answers in %.1f s (%,.0f answers/s), file %,d MB, peak heap %d MB of %d MB%n",
                    name, rows, seconds, rows / seconds, Files.size(file) >> 20, peak, max);
            Files.delete(file);
        }
    }
}
