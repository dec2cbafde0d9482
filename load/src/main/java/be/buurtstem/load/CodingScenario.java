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

    CodingScenario(Args args, boolean alone) {
        this.rate = Double.parseDouble(args.scoped("coding", "rate", alone, "300"));
        this.residents = Integer.parseInt(args.scoped("coding", "residents", alone, "2000"));
        this.bound = Args.parseDuration(args.scoped("coding", "max-time", alone, "10m"));
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        Path dir = setup.work().resolve("coding");
        int expected = residents * 3;
        report.line("### coding, " + residents + " residents × 3 free-text answers through the webhook at "
                + WebhookScenario.fmt(rate) + " updates/s");
        Map<String, String> f = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        try (FakeTelegram telegram = new FakeTelegram()) {
            Service service = setup.webhookService(dir, telegram, List.of());
            service.settle(Duration.ofSeconds(60));
            OpenLoop loop = new OpenLoop(List.of(setup.webhookUrl(service)), setup.secret(), false,
                    Duration.ofSeconds(60), 40, bound);
            Residents people = new Residents(3_000_000_000L, residents, "harness", telegram, setup.seed())
                    .fixed("en", "/start harness", "press:o:yes", "type", "type", "type");
            String loadBefore = ProcessStats.loadAverage();
            AtomicLong doneAt = new AtomicLong();
            AtomicLong lastStored = new AtomicLong();
            AtomicLong lastUncoded = new AtomicLong(-1);
            long t0 = System.nanoTime() + 100_000_000L; // OpenLoop's first intended send
            int updates = residents * 5;
            Thread watcher = Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + bound.toNanos();
                while (System.nanoTime() < deadline) {
                    long stored = total(http, service.base(), setup.analystToken(), false);
                    long uncoded = total(http, service.base(), setup.analystToken(), true);
                    lastStored.set(stored);
                    lastUncoded.set(uncoded);
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
        report.table(f);
        return f;
    }

    /** The analyst API's total of the harness questionnaire's free-text answers (only the uncoded ones), or -1. */
    static long total(HttpClient http, String base, String token, boolean uncoded) {
        return total(http, base, token, uncoded, "harness");
    }

    static long total(HttpClient http, String base, String token, boolean uncoded, String questionnaire) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/analyst/answers?questionnaire=" + questionnaire + "&size=1&uncoded=" + uncoded))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
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
}
