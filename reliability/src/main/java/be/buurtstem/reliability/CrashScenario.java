package be.buurtstem.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * crash: N residents answer the harness questionnaire through the fake Telegram (long polling, then webhook) while
 * the service is SIGKILLed at random moments, K times, and restarted each time on the same data folder. Afterwards
 * the stored answers are read through the analyst export and compared with what the residents sent and what was
 * confirmed to "Telegram".
 */
final class CrashScenario {
    private Main.Setup setup;
    private final int residents;
    private final int kills;
    private final Duration killMin;
    private final Duration killMax;
    private final Duration bound;
    private final String modes;
    private final Random random;
    private final long seed;

    CrashScenario(Args args) {
        this.residents = args.integer("residents", 100);
        this.kills = args.integer("kills", 5);
        this.killMin = args.duration("kill-min", "2s");
        this.killMax = args.duration("kill-max", "8s");
        this.bound = args.duration("max-time", "10m");
        this.modes = args.str("modes", "polling,webhook");
        this.seed = args.seed("seed");
        this.random = new Random(seed);
    }

    CrashScenario with(Main.Setup setup) {
        this.setup = setup;
        return this;
    }

    void run(Report report) throws Exception {
        report.line("## crash");
        report.line("");
        report.line("Residents per mode: " + residents + ", SIGKILLs per mode: " + kills + " (each " + killMin.toMillis()
                / 1000.0 + "–" + killMax.toMillis() / 1000.0 + " s after the service is UP), the residents start in "
                + (kills + 1) + " waves, one each time the service is UP, so that every kill hits residents mid-way;"
                + " seed " + seed + ".");
        int m = 0;
        for (String mode : modes.split(",")) {
            runMode(report, mode.trim(), 10_000_000L * (++m));
        }
    }

    private void runMode(Report report, String mode, long firstChat) throws Exception {
        boolean webhook = mode.equals("webhook");
        if (!webhook && !mode.equals("polling")) {
            throw new IllegalArgumentException("mode is polling or webhook, not " + mode);
        }
        Path dir = setup.work().resolve("crash-" + mode);
        long t0 = System.currentTimeMillis();
        long deadline = t0 + bound.toMillis();
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, String> env = setup.env(dir.resolve("data"), telegram);
            String secret = "harness-webhook-secret-" + Long.toHexString(seed);
            Service service = new Service(setup.jar(), dir.resolve("service.log"), env);
            if (webhook) {
                service.env("TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + service.port() + "/telegram/webhook");
                service.env("TELEGRAM_WEBHOOK_SECRET", secret);
            }
            Http http = new Http(Duration.ofSeconds(30));
            TelegramChannel channel = webhook ? new TelegramChannel.Webhook(http, service.base(), secret)
                    : new TelegramChannel.Polling(telegram);
            service.start(Duration.ofMinutes(2));
            report.line("");
            report.line("### " + channel.name() + " (first start " + service.lastStartMillis + " ms)");

            List<Resident> all = new ArrayList<>();
            for (int i = 0; i < residents; i++) {
                all.add(new Resident(firstChat + i, setup.marker("c"), telegram, channel));
            }
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<Boolean>> runs = new ArrayList<>();
            List<Long> startTimes = new ArrayList<>();
            int waves = kills + 1;
            for (int w = 0; w < waves; w++) {
                // one wave of residents each time the service is UP, their starts spread up to the kill: a kill
                // always finds conversations under way
                long wait = killMin.toMillis() + (long) (random.nextDouble() * (killMax.toMillis() - killMin.toMillis()));
                for (int i = w * residents / waves; i < (w + 1) * residents / waves; i++) {
                    Resident r = all.get(i);
                    long delay = (long) (random.nextDouble() * wait);
                    runs.add(pool.submit(() -> {
                        Thread.sleep(delay);
                        return r.run(Duration.ofSeconds(120).toMillis(), deadline);
                    }));
                }
                if (w == kills) {
                    break;
                }
                Thread.sleep(wait);
                service.kill();
                report.line("- SIGKILL " + (w + 1) + " at " + (System.currentTimeMillis() - t0) / 1000.0 + " s ("
                        + telegram.sent().size() + " messages sent so far, " + runs.stream().filter(f -> !f.isDone())
                        .count() + " residents mid-way)");
                service.start(Duration.ofMinutes(3));
                startTimes.add(service.lastStartMillis);
            }
            int finished = 0;
            for (Future<Boolean> f : runs) {
                try {
                    if (f.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
                        finished++;
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    f.cancel(true);
                }
            }
            pool.shutdownNow();
            awaitQuiet(telegram, Math.min(deadline + 60_000, System.currentTimeMillis() + 60_000));
            List<Http.Answer> stored = http.export(service.base(), setup.analystToken(), "harness");
            service.stop();
            report.line("- restarts took " + startTimes + " ms until UP; whole mode " + (System.currentTimeMillis() - t0)
                    / 1000 + " s");
            account(report, all, channel, telegram, stored, finished);
        }
    }

    /** Waits until no message has been sent for 5 s (the outbox has drained), or the bound. */
    static void awaitQuiet(FakeTelegram telegram, long until) {
        int last = -1;
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() < until) {
            int n = telegram.sent().size();
            if (n != last) {
                last = n;
                since = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - since > 5000) {
                return;
            }
            Resident.sleep(200);
        }
    }

    private void account(Report report, List<Resident> all, TelegramChannel channel, FakeTelegram telegram,
                         List<Http.Answer> stored, int finished) {
        Map<String, Integer> storedByText = new HashMap<>();
        Map<String, Integer> storedByRespondentQuestion = new HashMap<>();
        for (Http.Answer a : stored) {
            storedByText.merge(a.text(), 1, Integer::sum);
            storedByRespondentQuestion.merge(a.respondent() + "/" + a.question(), 1, Integer::sum);
        }
        long answersSent = 0;
        long answersConfirmed = 0;
        long lost = 0;
        long unconfirmedNotStored = 0;
        for (Resident r : all) {
            for (Resident.SentAnswer a : r.answers) {
                answersSent++;
                boolean confirmed = channel.confirmed(a.updateId());
                boolean isStored = storedByText.containsKey(a.text());
                if (confirmed) {
                    answersConfirmed++;
                    if (!isStored) {
                        lost++;
                    }
                } else if (!isStored) {
                    unconfirmedNotStored++;
                }
            }
        }
        long twice = storedByText.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum()
                + storedByRespondentQuestion.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        Map<String, Integer> copies = new HashMap<>();
        for (FakeTelegram.Sent s : telegram.sent()) {
            copies.merge(s.chat() + "\u0000" + s.text(), 1, Integer::sum);
        }
        long repliesTwice = copies.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        long updatesSent = all.stream().mapToLong(r -> r.updates.size()).sum();
        long unanswered = all.stream().mapToLong(r -> r.unanswered).sum();
        report.table();
        report.figure("residents who reached the end", finished + " of " + all.size());
        report.figure("updates sent by the residents", updatesSent);
        report.figure("updates confirmed (" + (channel instanceof TelegramChannel.Webhook ? "200 from the webhook"
                : "offset moved past them") + ")", confirmedCount(all, channel));
        report.figure("answers sent / confirmed / stored", answersSent + " / " + answersConfirmed + " / " + stored.size());
        report.check("answers confirmed but not stored (lost)", lost, 0);
        report.check("answers applied twice", twice, 0);
        report.figure("answers neither confirmed nor stored (Telegram would send them again)", unconfirmedNotStored);
        report.figure("replies sent twice (same text to the same chat)", repliesTwice + " of " + telegram.sent().size()
                + " messages");
        report.figure("steps whose reply did not come within 120 s", unanswered);
    }

    private static long confirmedCount(List<Resident> all, TelegramChannel channel) {
        return all.stream().flatMap(r -> r.updates.stream()).filter(channel::confirmed).count();
    }
}
