package be.buurtstem.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * memory: the service with a bounded heap ({@code -Xmx512m} by default) is seeded with N respondents and their
 * sessions through the webhook, as fast as it takes them (closed loop, a fixed number of posts in flight): each
 * resident sends {@code /start QUESTIONNAIRE}, then presses the first button (consents), ... ({@code --steps}).
 * Health is sampled throughout. Afterwards: alive and UP, heap after a full GC, RSS, an OutOfMemoryError in the log,
 * and a short open-loop probe (latency) with the store full.
 */
final class MemoryScenario {
    private final int respondents;
    private final int steps;
    private final String xmx;
    private final int concurrency;
    private final String questionnaire;

    MemoryScenario(Args args, boolean alone) {
        this.respondents = Integer.parseInt(args.scoped("memory", "respondents", alone, "100000"));
        this.steps = Integer.parseInt(args.scoped("memory", "steps", alone, "2"));
        this.xmx = args.scoped("memory", "xmx", alone, "512m");
        this.concurrency = Integer.parseInt(args.scoped("memory", "concurrency", alone, "32"));
        this.questionnaire = args.scoped("memory", "questionnaire", alone, "inclusieweb");
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        Path dir = setup.work().resolve("memory");
        report.line("### memory, " + respondents + " respondents with sessions (" + steps + " updates each), -Xmx"
                + xmx);
        Map<String, String> f = new LinkedHashMap<>();
        try (FakeTelegram telegram = new FakeTelegram()) {
            List<String> jvm = new ArrayList<>(setup.jvm(List.of()));
            jvm.removeIf(o -> o.startsWith("-Xmx"));
            jvm.add("-Xmx" + xmx);
            Setup bounded = new Setup(setup.jar(), setup.work(), jvm, setup.extraEnv(), setup.analystToken(),
                    setup.secret(), setup.questionnaires(), setup.seed());
            Service service = bounded.webhookService(dir, telegram, List.of());
            f.put("start-up to UP", service.lastStartMillis + " ms");
            service.settle(Duration.ofSeconds(60));
            AtomicLong samples = new AtomicLong();
            AtomicLong notUp = new AtomicLong();
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    samples.incrementAndGet();
                    if (!service.healthUp()) {
                        notUp.incrementAndGet();
                    }
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            OpenLoop loop = new OpenLoop(List.of(bounded.webhookUrl(service)), setup.secret(), false,
                    Duration.ofSeconds(60), concurrency, Duration.ofSeconds(60));
            Residents people = new Residents(4_000_000_000L, respondents, questionnaire, telegram, setup.seed());
            long t0 = System.nanoTime();
            long ok = loop.flood(people, telegram, steps, concurrency);
            double s = (System.nanoTime() - t0) / 1e9;
            OpenLoop.awaitQuiet(telegram, Duration.ofSeconds(3), Duration.ofSeconds(300));
            sampler.interrupt();
            f.put("seeding", String.format(java.util.Locale.ROOT, "%d of %d updates answered 200 in %.0f s (%.0f/s, "
                    + "%d in flight)", ok, (long) respondents * steps, s, ok / s, concurrency));
            f.put("replies sent", String.valueOf(telegram.sends.sum()));
            f.put("alive / health at end", service.alive() + " / " + String.valueOf(service.health())
                    .replaceAll("\\s+", " "));
            f.put("health samples not UP during seeding", notUp.get() + " of " + samples.get());
            f.put("heap after a full GC", ProcessStats.heap(service.pid(), true));
            f.put("service RSS", ProcessStats.rssMb(service.pid()) + " MB");
            Residents probe = new Residents(4_000_000_000L, Math.min(respondents, 500), questionnaire, telegram,
                    setup.seed() + 7);
            OpenLoop.Result r = loop.run(probe, telegram, 50, 10);
            f.put("probe with the store full: 50 updates/s for 10 s, latency to 200 p50 / p90 / p99 / max",
                    r.http().summary() + " ms, " + r.failed() + " errors");
            loop.close();
            service.stop();
            String log = Files.readString(dir.resolve("service.log"));
            f.put("OutOfMemoryError in the log", log.contains("OutOfMemoryError") ? "yes" : "no");
            f.put("data folder size", du(dir.resolve("data")) + " MB");
            f.put("load average at end", "`" + ProcessStats.loadAverage() + "`");
        }
        report.table(f);
        return f;
    }

    static long du(Path p) {
        try (var s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(x -> x.toFile().length()).sum() / (1024 * 1024);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
