package be.buurtstem.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What the machine and a process cost: CPU time, resident memory, the load average (Linux /proc). */
final class ProcessStats {
    private ProcessStats() {
    }

    /** The process's CPU time (user + system, all threads) so far; zero when unknown. */
    static Duration cpu(long pid) {
        Optional<Duration> d = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
        return d.orElse(Duration.ZERO);
    }

    /** Resident set size in MB, from /proc/PID/status (VmRSS); -1 when unknown. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The heap as the JVM reports it ({@code jcmd PID GC.heap_info}), after a full GC when asked
     * ({@code GC.run}); the JDK's own jcmd, same user as the child. Empty when jcmd is missing.
     */
    static String heap(long pid, boolean gcFirst) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            if (gcFirst) {
                run(jcmd, pid, "GC.run");
            }
            String info = run(jcmd, pid, "GC.heap_info");
            // the first lines name the used and committed heap; the rest is per region
            StringBuilder sb = new StringBuilder();
            for (String line : info.split("\n")) {
                String l = line.strip();
                if (l.contains("total") && l.contains("used")) {
                    if (!sb.isEmpty()) {
                        sb.append("; ");
                    }
                    sb.append(l.replaceAll("\\s+", " ").replaceAll(" \\[0x[0-9a-f, x]+\\)?", ""));
                }
            }
            return sb.toString();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Used heap in MB read from {@link #heap}'s text ("used 123456K"), summed over its lines; -1 when unknown. */
    static long usedHeapMb(String heapInfo) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(heapInfo);
        long kb = -1;
        if (m.find()) {
            kb = Long.parseLong(m.group(1)); // the first figure is the whole heap (G1, Serial: young + old)
            if (heapInfo.contains("def new generation") || heapInfo.contains("PSYoungGen")) {
                kb = 0;
                m.reset();
                while (m.find()) {
                    kb += Long.parseLong(m.group(1));
                }
            }
        }
        return kb < 0 ? -1 : kb / 1024;
    }

    private static String run(Path jcmd, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
