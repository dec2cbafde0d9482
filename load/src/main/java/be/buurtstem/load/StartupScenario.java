package be.buurtstem.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * startup: from launching {@code java -jar JAR serve} until {@code /actuator/health} answers UP (polled every 50 ms),
 * on a fresh data folder, then restarted on the same folder ({@code --restarts} times); webhook mode, fake Telegram.
 * {@code --layout jar} measures the one jar as given, {@code aot} the layout {@code bin/aot-layout} prepares from it
 * (unpacked, with the JVM's class cache trained on one start: what {@code bin/buurtstem serve} runs), {@code both}
 * (the default) one after the other on their own data folders.
 */
final class StartupScenario {
    private final int restarts;
    private final String layout;

    StartupScenario(Args args, boolean alone) {
        this.restarts = Integer.parseInt(args.scoped("startup", "restarts", alone, "3"));
        this.layout = args.scoped("startup", "layout", alone, "both");
        if (!List.of("jar", "aot", "both").contains(layout)) {
            throw new IllegalArgumentException("--layout must be jar, aot or both, not " + layout);
        }
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        report.line("### start-up to healthy");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("load average before", "`" + ProcessStats.loadAverage() + "`");
        try (FakeTelegram telegram = new FakeTelegram()) {
            if (!layout.equals("aot")) {
                measure(setup, setup.work().resolve("startup"), List.of(), "one jar", telegram, f);
            }
            if (!layout.equals("jar")) {
                Path dir = setup.work().resolve("aot-layout");
                long t0 = System.nanoTime();
                List<String> jvm = prepare(setup.jar(), dir);
                f.put("AOT layout prepared in", (System.nanoTime() - t0) / 1_000_000 + " ms (`bin/aot-layout`, once per "
                        + "build); JVM options `" + String.join(" ", jvm) + "`");
                Setup aot = setup.withJar(dir.resolve("buurtstem.jar"), setup.work());
                measure(aot, setup.work().resolve("startup-aot"), jvm, "AOT layout", telegram, f);
            }
        }
        f.put("load average after", "`" + ProcessStats.loadAverage() + "`");
        report.table(f);
        return f;
    }

    private void measure(Setup setup, Path dir, List<String> jvm, String name, FakeTelegram telegram,
                         Map<String, String> f) throws Exception {
        Service first = setup.webhookService(dir, telegram, jvm);
        f.put(name + ": fresh data folder", first.lastStartMillis + " ms");
        first.settle(Duration.ofSeconds(60));
        first.stop();
        StringBuilder again = new StringBuilder();
        for (int i = 0; i < restarts; i++) {
            Service s = setup.webhookService(dir, telegram, jvm);
            again.append(again.isEmpty() ? "" : ", ").append(s.lastStartMillis).append(" ms");
            s.settle(Duration.ofSeconds(30));
            s.stop();
        }
        f.put(name + ": restarts on the same data folder", again.toString());
    }

    /** Runs {@code bin/aot-layout JAR DIR} and returns the JVM options it wrote. */
    private static List<String> prepare(Path jar, Path dir) throws IOException, InterruptedException {
        Path script = Path.of("bin/aot-layout").toAbsolutePath();
        if (!Files.isExecutable(script)) {
            throw new IOException(script + " is missing: run the harness from the repository (bin/load)");
        }
        Path log = dir.resolveSibling("aot-layout.log");
        Files.createDirectories(dir.getParent());
        Process p = new ProcessBuilder(script.toString(), jar.toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("bin/aot-layout took more than 5 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException("bin/aot-layout failed (exit " + p.exitValue() + "); see " + log);
        }
        List<String> jvm = new ArrayList<>();
        for (String o : Files.readString(dir.resolve("jvm-options")).strip().split("\\s+")) {
            if (!o.isBlank()) {
                jvm.add(o);
            }
        }
        return jvm;
    }
}
