package be.buurtstem.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * webhook: for each rate, a fresh service on a fresh data folder, a short warm-up at that rate (other residents, not
 * counted), then the open-loop run of {@code rate × seconds} updates from N residents along the bundled questionnaire.
 * Stated: latency to the 200 and to the reply at the fake Telegram, errors, achieved rate, the service's CPU per
 * update, RSS and heap at the end, the load average, and the restart time on the data folder it wrote.
 */
final class WebhookScenario {
    private final List<Double> rates = new ArrayList<>();
    private final double seconds;
    private final int residents;
    private final double warmup;
    private final double steadySkip;
    private final String questionnaire;
    private final boolean jfr;
    private final boolean restart;
    private final int connections;
    private final Duration drain;

    WebhookScenario(Args args, boolean alone) {
        for (String r : args.scoped("webhook", "rate", alone, "300").split(",")) {
            rates.add(Double.parseDouble(r.trim()));
        }
        this.seconds = Double.parseDouble(args.scoped("webhook", "seconds", alone, "60"));
        this.residents = Integer.parseInt(args.scoped("webhook", "residents", alone, "5000"));
        this.warmup = Double.parseDouble(args.scoped("webhook", "warmup", alone, "5"));
        // the steady-state window starts this long into the measured run: by default a third of it, at most 10 s
        this.steadySkip = Double.parseDouble(args.scoped("webhook", "steady-skip", alone,
                String.valueOf(Math.min(10.0, seconds / 3))));
        this.questionnaire = args.scoped("webhook", "questionnaire", alone, "inclusieweb");
        this.jfr = Boolean.parseBoolean(args.scoped("webhook", "jfr", alone, "false"));
        this.restart = Boolean.parseBoolean(args.scoped("webhook", "restart", alone, "true"));
        this.connections = Integer.parseInt(args.scoped("webhook", "connections", alone, "40"));
        this.drain = Args.parseDuration(args.scoped("webhook", "drain", alone, "60s"));
    }

    List<Map<String, String>> run(Setup setup, Report report) throws Exception {
        List<Map<String, String>> all = new ArrayList<>();
        for (double rate : rates) {
            all.add(runOne(setup, report, rate));
        }
        return all;
    }

    Map<String, String> runOne(Setup setup, Report report, double rate) throws Exception {
        String name = "webhook-" + (int) rate;
        Path dir = setup.work().resolve(name);
        report.line("### webhook, " + fmt(rate) + " updates/s for " + fmt(seconds) + " s from " + residents
                + " residents (`/start " + questionnaire + "`, then buttons and typed answers), at most " + connections
                + " posts in flight");
        Map<String, String> f = new LinkedHashMap<>();
        try (FakeTelegram telegram = new FakeTelegram()) {
            List<String> more = new ArrayList<>();
            if (jfr) {
                more.add("-XX:StartFlightRecording=filename=" + dir.resolve("service.jfr") + ",settings=profile,"
                        + "dumponexit=true");
            }
            Service service = setup.webhookService(dir, telegram, more);
            f.put("start-up to UP (fresh data folder)", service.lastStartMillis + " ms");
            long settled = service.settle(Duration.ofSeconds(60));
            f.put("idle after start-up", "after " + settled + " ms");
            OpenLoop loop = new OpenLoop(List.of(setup.webhookUrl(service)), setup.secret(), false,
                    Duration.ofSeconds(60), connections, drain);
            if (warmup > 0) {
                Residents warm = new Residents(8_000_000_000L, Math.max(1, Math.min(residents,
                        (int) (rate * warmup))), questionnaire, telegram, setup.seed() + 1);
                OpenLoop.Result w = loop.run(warm, telegram, rate, warmup);
                f.put("warm-up (not counted)", fmt(warmup) + " s at " + fmt(rate) + "/s, " + w.ok() + " of "
                        + w.scheduled() + " answered 200, p99 " + Latencies.ms(w.http().percentile(0.99)) + " ms");
            }
            String loadBefore = ProcessStats.loadAverage();
            long sendsBefore = telegram.sends.sum();
            java.time.Duration cpu0 = ProcessStats.cpu(service.pid());
            java.time.Duration harness0 = ProcessStats.cpu(ProcessHandle.current().pid());
            long t0 = System.nanoTime();
            Residents people = new Residents(1_000_000_000L, residents, questionnaire, telegram, setup.seed());
            long pid = service.pid();
            OpenLoop.Result r = loop.run(people, telegram, rate, seconds, () -> ProcessStats.cpu(pid).toNanos(),
                    steadySkip);
            java.time.Duration cpu = ProcessStats.cpu(service.pid()).minus(cpu0);
            java.time.Duration harnessCpu = ProcessStats.cpu(ProcessHandle.current().pid()).minus(harness0);
            double wall = (System.nanoTime() - t0) / 1e9;
            String loadAfter = ProcessStats.loadAverage();
            put(f, r, rate);
            f.put("replies sent (sendMessage at the fake)", String.valueOf(telegram.sends.sum() - sendsBefore));
            f.put("service CPU per update answered", String.format(java.util.Locale.ROOT, "%.2f ms (%.1f s CPU over "
                    + "%.1f s, until the replies stopped, / %d updates answered 200)", cpu.toNanos() / 1e6
                    / Math.max(1, r.ok()), cpu.toMillis() / 1000.0, wall, r.ok()));
            f.put("service CPU per update answered, steady state (from " + fmt(steadySkip) + " s into the run to the "
                    + "last intended send)", r.steady() == null ? "no window (--steady-skip past the run)"
                    : r.steady().describe());
            f.put("harness CPU meanwhile (same 2 cores)", String.format(java.util.Locale.ROOT, "%.1f s",
                    harnessCpu.toMillis() / 1000.0));
            f.put("free-text answers stored (analyst API)", String.valueOf(CodingScenario.total(
                    java.net.http.HttpClient.newHttpClient(), service.base(), setup.analystToken(), false,
                    questionnaire)));
            f.put("service RSS at end", ProcessStats.rssMb(service.pid()) + " MB");
            f.put("heap at end", ProcessStats.heap(service.pid(), false));
            f.put("heap after a full GC", ProcessStats.heap(service.pid(), true));
            f.put("health at end", String.valueOf(service.health()).replaceAll("\\s+", " "));
            f.put("load average before / after (1, 5, 15 min)", "`" + loadBefore + "` / `" + loadAfter + "`");
            loop.close();
            service.stop();
            if (restart) {
                Service again = new Service(setup.jar(), dir.resolve("service.log"), setup.env(dir.resolve("data"),
                        telegram), setup.jvm(List.of()), "serve");
                again.env("TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + again.port() + "/telegram/webhook");
                again.env("TELEGRAM_WEBHOOK_SECRET", setup.secret());
                again.start(Duration.ofMinutes(3));
                f.put("restart to UP on the data folder it wrote", again.lastStartMillis + " ms");
                again.stop();
            }
        }
        report.table(f);
        return f;
    }

    static void put(Map<String, String> f, OpenLoop.Result r, double rate) {
        f.put("updates scheduled / answered 200", r.scheduled() + " / " + r.ok());
        f.put("errors (not 200: -1 = no answer within 60 s, 0 = still queued at the drain bound)", r.failed() + " "
                + r.statuses());
        f.put("latency to HTTP 200 from the intended send time, p50 / p90 / p99 / max", r.http().summary() + " ms");
        f.put("latency to the reply at the fake Telegram, p50 / p90 / p99 / max", r.reply().summary() + " ms ("
                + r.noReply() + " without a reply)");
        f.put("achieved rate (200s per second, first intended send to last 200)",
                String.format(java.util.Locale.ROOT, "%.0f/s of %.0f/s", r.achievedRate(), rate));
        f.put("posted > 10 ms after the intended time (all connections busy, or a late client)",
                r.lateSendsOver10ms() + " of " + r.scheduled());
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
