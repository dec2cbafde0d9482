package be.buurtstem.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * coding: N residents answer the harness questionnaire (consent, three free-text questions) through the webhook,
 * open loop at the given rate; their typed answers are real sentences of the bundled seed examples. The analyst API
 * ({@code /api/analyst/answers?uncoded=true}) is read twice a second until every answer is stored and none is
 * uncoded. Stated: answers/s end to end (first answer's intended send time until the last is coded) and the coding
 * lag after the last answer was sent.
 */
final class CodingScenario {
    private final double rate;
    private final int residents;
    private final Duration bound;
    private final boolean jfr;
    private final boolean backlog;
    private final boolean live;

    CodingScenario(Args args, boolean alone) {
        this.rate = Double.parseDouble(args.scoped("coding", "rate", alone, "300"));
        this.residents = Integer.parseInt(args.scoped("coding", "residents", alone, "2000"));
        this.bound = Args.parseDuration(args.scoped("coding", "max-time", alone, "10m"));
        this.jfr = Boolean.parseBoolean(args.scoped("coding", "jfr", alone, "false"));
        this.backlog = Boolean.parseBoolean(args.scoped("coding", "backlog", alone, "true"));
        this.live = Boolean.parseBoolean(args.scoped("coding", "live", alone, "true"));
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        Path dir = setup.work().resolve("coding");
        int expected = residents * 3;
        report.line("### coding, " + residents + " residents × 3 free-text answers through the webhook at "
                + WebhookScenario.fmt(rate) + " updates/s");
        Map<String, String> f = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        if (!live) {
            backlog(setup, report, f, http);
            report.table(f);
            return f;
        }
        try (FakeTelegram telegram = new FakeTelegram()) {
            List<String> more = new java.util.ArrayList<>();
            if (jfr) {
                more.add("-XX:StartFlightRecording=filename=" + dir.resolve("service.jfr") + ",settings=profile,"
                        + "dumponexit=true");
            }
            Service service = setup.webhookService(dir, telegram, more);
            service.settle(Duration.ofSeconds(60));
            OpenLoop loop = new OpenLoop(List.of(setup.webhookUrl(service)), setup.secret(), false,
                    Duration.ofSeconds(60), 40, bound);
            Residents people = new Residents(3_000_000_000L, residents, "harness", telegram, setup.seed())
                    .fixed("en", "/start harness", "press:o:yes", "type", "type", "type");
            String loadBefore = ProcessStats.loadAverage();
            AtomicLong doneAt = new AtomicLong();
            AtomicLong lastStored = new AtomicLong();
            AtomicLong storedAt = new AtomicLong(); // when every answer was stored: the webhook's part of the lag
            AtomicLong lastUncoded = new AtomicLong(-1);
            long t0 = System.nanoTime() + 100_000_000L; // OpenLoop's first intended send
            int updates = residents * 5;
            Thread watcher = Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + bound.toNanos();
                while (System.nanoTime() < deadline) {
                    // one count a poll: the stored total until all are stored, then the uncoded one (each count
                    // scans the answers in the service: the poll should not slow down what it measures)
                    long stored = lastStored.get() >= expected ? lastStored.get()
                            : total(http, service.base(), setup.analystToken(), false);
                    long uncoded = stored >= expected ? total(http, service.base(), setup.analystToken(), true) : -1;
                    lastStored.set(stored);
                    lastUncoded.set(uncoded);
                    if (stored >= expected && storedAt.get() == 0) {
                        storedAt.set(System.nanoTime());
                    }
                    if (stored >= expected && uncoded == 0) {
                        doneAt.set(System.nanoTime());
                        return;
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Duration cpu0 = ProcessStats.cpu(service.pid());
            OpenLoop.Result r = loop.run(people, telegram, rate, updates / rate);
            watcher.join(bound.toMillis());
            watcher.interrupt();
            Duration cpu = ProcessStats.cpu(service.pid()).minus(cpu0);
            double firstAnswer = t0 / 1e9 + OpenLoop.intendedOffsetNanos(2L * residents, rate) / 1e9;
            double lastAnswer = t0 / 1e9 + OpenLoop.intendedOffsetNanos(updates - 1, rate) / 1e9;
            f.put("updates sent / answered 200", r.scheduled() + " / " + r.ok());
            f.put("latency to HTTP 200, p50 / p90 / p99 / max", r.http().summary() + " ms");
            f.put("free-text answers expected / stored / uncoded at the end", expected + " / " + lastStored.get() + " / "
                    + lastUncoded.get());
            if (doneAt.get() > 0) {
                double span = doneAt.get() / 1e9 - firstAnswer;
                f.put("answers coded and stored per second, end to end", String.format(java.util.Locale.ROOT,
                        "%.0f/s (%d answers, %.1f s from the first answer's intended send to the last coded)",
                        expected / span, expected, span));
                f.put("sent at (answers per second offered)", String.format(java.util.Locale.ROOT, "%.0f/s",
                        expected / (lastAnswer - firstAnswer)));
                f.put("coding lag after the last answer was sent", String.format(java.util.Locale.ROOT, "%.1f s",
                        doneAt.get() / 1e9 - lastAnswer));
                f.put("all stored after the last answer was sent (seen at the next poll, ≤ 0.5 s late)",
                        String.format(java.util.Locale.ROOT, "%.1f s", storedAt.get() / 1e9 - lastAnswer));
            } else {
                f.put("answers coded and stored per second, end to end", "not all coded within " + bound.toSeconds()
                        + " s");
            }
            f.put("service CPU per answer (with its updates and replies)", String.format(java.util.Locale.ROOT,
                    "%.2f ms", cpu.toNanos() / 1e6 / expected));
            f.put("load average before / after", "`" + loadBefore + "` / `" + ProcessStats.loadAverage() + "`");
            loop.close();
            service.stop();
        }
        if (backlog) {
            backlog(setup, report, f, http);
        }
        report.table(f);
        return f;
    }

    /**
     * The coding worker on its own, without the webhook in front of it: the same answers are stored by a service whose
     * worker is starved (queue of one answer, no sweep for an hour), which is then restarted with the defaults; its
     * start-up sweep codes the backlog. Stated: from UP after the restart until none is uncoded (the harness asks
     * every 500 ms), and the answers per second that makes. The webhook bounds the live figure on this machine; this
     * one is the worker's own capacity in the service (store, durability, saturation), and checks a restart resumes.
     */
    private void backlog(Setup setup, Report report, Map<String, String> f, HttpClient http) throws Exception {
        Path dir = setup.work().resolve("coding-backlog");
        int expected = residents * 3;
        try (FakeTelegram telegram = new FakeTelegram()) {
            List<String> more = new java.util.ArrayList<>();
            if (jfr) {
                more.add("-XX:StartFlightRecording=filename=" + dir.resolve("service.jfr") + ",settings=profile,"
                        + "dumponexit=true");
            }
            Service service = setup.webhookService(dir, telegram, more, Map.of(
                    "BUURTSTEM_CODING_QUEUE_CAPACITY", "1", "BUURTSTEM_CODING_TICK_INTERVAL", "1h"));
            service.settle(Duration.ofSeconds(60));
            OpenLoop loop = new OpenLoop(List.of(setup.webhookUrl(service)), setup.secret(), false,
                    Duration.ofSeconds(60), 40, bound);
            Residents people = new Residents(3_000_000_000L, residents, "harness", telegram, setup.seed())
                    .fixed("en", "/start harness", "press:o:yes", "type", "type", "type");
            loop.run(people, telegram, rate, residents * 5 / rate);
            loop.close();
            long deadline = System.nanoTime() + bound.toNanos();
            while (total(http, service.base(), setup.analystToken(), false) < expected && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            // the replies still queued would be sent after the restart, beside the coding it measures
            OpenLoop.awaitQuiet(telegram, Duration.ofSeconds(3), bound);
            long uncodedBefore = total(http, service.base(), setup.analystToken(), true);
            service.stop();
            service.env("BUURTSTEM_CODING_QUEUE_CAPACITY", "1000");
            service.env("BUURTSTEM_CODING_TICK_INTERVAL", "30s");
            String loadBefore = ProcessStats.loadAverage();
            service.start(Duration.ofMinutes(3));
            long up = System.nanoTime();
            Duration cpuUp = ProcessStats.cpu(service.pid());
            long done = 0;
            deadline = up + bound.toNanos();
            while (System.nanoTime() < deadline) {
                if (total(http, service.base(), setup.analystToken(), true) == 0) {
                    done = System.nanoTime();
                    break;
                }
                Thread.sleep(500); // each count scans the answers: not more often, not to slow down the worker
            }
            f.put("backlog: uncoded answers at the restart (of " + expected + " stored)", String.valueOf(uncodedBefore));
            if (done > 0) {
                double s = (done - up) / 1e9;
                Duration cpu = ProcessStats.cpu(service.pid()).minus(cpuUp);
                f.put("backlog: coded after the restart, from UP until none uncoded", String.format(
                        java.util.Locale.ROOT, "%.1f s, %.0f answers/s", s, uncodedBefore / s));
                // the service's whole CPU over that time (worker, store, the harness's counts) per answer: what the
                // machine's load does not change much, unlike the rate
                f.put("backlog: service CPU per answer coded (from UP until none uncoded)", String.format(
                        java.util.Locale.ROOT, "%.3f ms", cpu.toNanos() / 1e6 / Math.max(1, uncodedBefore)));
            } else {
                f.put("backlog: coded after the restart, from UP until none uncoded", "not within "
                        + bound.toSeconds() + " s");
            }
            f.put("backlog: restart to UP", service.lastStartMillis + " ms");
            f.put("backlog: load average before / after the restart", "`" + loadBefore + "` / `"
                    + ProcessStats.loadAverage() + "`");
            service.stop();
        }
    }

    /** The analyst API's total of the harness questionnaire's free-text answers (only the uncoded ones), or -1. */
    static long total(HttpClient http, String base, String token, boolean uncoded) {
        return total(http, base, token, uncoded, "harness");
    }

    /** Whether the service answered {@code size=0} with 400 (a jar before the total-only page): then size 1. */
    private static volatile boolean noTotalOnly;

    static long total(HttpClient http, String base, String token, boolean uncoded, String questionnaire) {
        try {
            HttpResponse<String> r = totalCall(http, base, token, uncoded, questionnaire, noTotalOnly ? 1 : 0);
            if (r.statusCode() == 400 && !noTotalOnly) {
                noTotalOnly = true;
                r = totalCall(http, base, token, uncoded, questionnaire, 1);
            }
            if (r.statusCode() != 200) {
                return -1;
            }
            JsonNode n = FakeTelegram.JSON.readTree(r.body());
            return n.path("total").asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> totalCall(HttpClient http, String base, String token, boolean uncoded,
                                                  String questionnaire, int size)
            throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/analyst/answers?questionnaire="
                        + questionnaire + "&size=" + size + "&uncoded=" + uncoded))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
