package be.buurtstem.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * hostile: a storm of generated Telegram updates (long polling batches, then webhook posts) and web chat requests,
 * bounded in count and time, while control residents answer the questionnaire on Telegram and in the web chat.
 * Checks that the process stays alive, nothing answers 5xx, nothing stalls (control replies within a bound, the
 * poller's offset moving), the control residents' stored answers are exactly what they sent, and no generated
 * resident text reaches the logs.
 */
final class HostileScenario {
    private Main.Setup setup;
    private final int total;
    private final Duration duration;
    private final Duration stallBound;
    private final int threads;
    private final int controls;
    private final int chatPool;
    private final int hugeEvery;
    private final String modes;
    private final String messagesPerSecond;
    private final long seed;

    HostileScenario(Args args) {
        this.total = args.integer("requests", 100_000);
        this.duration = args.duration("duration", "5m");
        this.stallBound = args.duration("stall-bound", "15s");
        this.threads = args.integer("threads", 6);
        this.controls = args.integer("controls", 2);
        this.chatPool = args.integer("hostile-chats", 1000);
        this.hugeEvery = args.integer("huge-every", 2000);
        this.modes = args.str("modes", "polling,webhook");
        this.messagesPerSecond = args.str("messages-per-second", "1000");
        this.seed = args.seed("seed");
    }

    HostileScenario with(Main.Setup setup) {
        this.setup = setup;
        return this;
    }

    /** Counts of one mode's storm. */
    static final class Storm {
        final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
        final AtomicLong generated = new AtomicLong();
        final AtomicLong telegramGenerated = new AtomicLong();
        final AtomicLong webRequests = new AtomicLong();
        final AtomicLong webhookPosts = new AtomicLong();
        final AtomicLong refusedUpdates = new AtomicLong();
        final AtomicLong healthNotUp = new AtomicLong();
        final AtomicLong healthSamples = new AtomicLong();
        volatile String firstHealthProblem;
        volatile long longestOffsetStandstill;
        volatile boolean died;
        final List<String> firstServerErrors = new CopyOnWriteArrayList<>();

        void status(String channel, int status, String what) {
            statuses.computeIfAbsent(channel, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
            if (status >= 500 && firstServerErrors.size() < 5) {
                firstServerErrors.add(channel + " " + status + " for " + what);
            }
        }

        long count(int from, int to) {
            return statuses.values().stream().flatMap(m -> m.entrySet().stream())
                    .filter(e -> e.getKey() >= from && e.getKey() <= to).mapToLong(e -> e.getValue().get()).sum();
        }
    }

    void run(Report report) throws Exception {
        report.line("## hostile");
        report.line("");
        String[] ms = modes.split(",");
        report.line("Target " + total + " generated requests in at most " + duration.toSeconds() + " s over " + ms.length
                + " mode(s), " + threads + " storm threads per kind, " + chatPool + " hostile chats, a ~1 MB text every "
                + hugeEvery + " requests, " + controls + " Telegram control residents + 1 web control, stall bound "
                + stallBound.toSeconds() + " s, TELEGRAM_MESSAGES_PER_SECOND=" + messagesPerSecond + ", seed " + seed + ".");
        for (int i = 0; i < ms.length; i++) {
            runMode(report, ms[i].trim(), total / ms.length, duration.dividedBy(ms.length), 100_000_000L * (i + 1));
        }
    }

    private void runMode(Report report, String mode, int target, Duration budget, long chatBase) throws Exception {
        boolean webhook = mode.equals("webhook");
        if (!webhook && !mode.equals("polling")) {
            throw new IllegalArgumentException("mode is polling or webhook, not " + mode);
        }
        Path dir = setup.work().resolve("hostile-" + mode);
        Storm storm = new Storm();
        Random random = new Random(seed + chatBase);
        String marker = setup.runId() + "h";
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, String> env = setup.env(dir.resolve("data"), telegram);
            env.put("TELEGRAM_MESSAGES_PER_SECOND", messagesPerSecond);
            Service service = new Service(setup.jar(), dir.resolve("service.log"), env);
            String secret = "harness-hostile-secret-" + Long.toHexString(seed);
            if (webhook) {
                service.env("TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + service.port() + "/telegram/webhook");
                service.env("TELEGRAM_WEBHOOK_SECRET", secret);
            }
            service.start(Duration.ofMinutes(2));
            report.line("");
            report.line("### " + (webhook ? "webhook" : "long polling") + " + web chat (started in "
                    + service.lastStartMillis + " ms)");
            Http http = new Http(Duration.ofSeconds(30));
            TelegramChannel channel = webhook ? new TelegramChannel.Webhook(http, service.base(), secret)
                    : new TelegramChannel.Polling(telegram);
            long t0 = System.currentTimeMillis();
            long end = t0 + budget.toMillis();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            String[] cookies = new String[300];
            for (int i = 0; i < cookies.length; i++) {
                cookies[i] = marker + "ck" + Long.toString(Math.abs(random.nextLong()), 36) + "x".repeat(8);
            }

            // the storm: Telegram (fed to getUpdates, or posted to the webhook) and the web chat
            if (webhook) {
                for (int t = 0; t < threads; t++) {
                    Random r = new Random(random.nextLong());
                    pool.submit(() -> webhookStorm(storm, new Hostile(r, marker), r, http, service.base(), secret,
                            chatBase, target, end, running, telegram));
                }
            } else {
                Random r = new Random(random.nextLong());
                pool.submit(() -> pollingFeed(storm, new Hostile(r, marker), r, telegram, chatBase, target, end, running));
            }
            for (int t = 0; t < threads; t++) {
                Random r = new Random(random.nextLong());
                pool.submit(() -> webStorm(storm, new Hostile(r, marker), r, http, service.base(), cookies, target, end,
                        running));
            }
            // the controls
            List<Resident> telegramControls = new CopyOnWriteArrayList<>();
            List<WebResident> webControls = new CopyOnWriteArrayList<>();
            for (int c = 0; c < controls; c++) {
                long first = chatBase + 50_000_000L + c * 10_000L;
                pool.submit(() -> {
                    for (int k = 0; running.get(); k++) {
                        Resident r = new Resident(first + k, setup.marker("k"), telegram, channel);
                        telegramControls.add(r);
                        r.run(stallBound.toMillis(), end + stallBound.toMillis() * 6);
                    }
                });
            }
            pool.submit(() -> {
                while (running.get()) {
                    WebResident w = new WebResident(http, service.base(), setup.marker("w"));
                    webControls.add(w);
                    w.run(stallBound.toMillis());
                }
            });
            // the monitors: alive, health, the poller's offset
            Thread monitor = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    if (!service.alive()) {
                        storm.died = true;
                        running.set(false);
                        return;
                    }
                    String h = service.health();
                    storm.healthSamples.incrementAndGet();
                    if (h == null || !h.startsWith("200") || !h.contains("\"UP\"")) {
                        storm.healthNotUp.incrementAndGet();
                        if (storm.firstHealthProblem == null) {
                            storm.firstHealthProblem = h == null ? "no answer" : h.substring(0, Math.min(300, h.length()));
                        }
                    }
                    if (!webhook && telegram.pendingCount() > 0) {
                        long still = System.currentTimeMillis() - telegram.lastOffsetAdvanceMillis.get();
                        storm.longestOffsetStandstill = Math.max(storm.longestOffsetStandstill, still);
                    }
                    Resident.sleep(2000);
                }
            });
            while (System.currentTimeMillis() < end && storm.generated.get() < target && !storm.died) {
                Resident.sleep(500);
            }
            running.set(false);
            long stormMillis = System.currentTimeMillis() - t0;
            pool.shutdown();
            boolean drained = pool.awaitTermination(stallBound.toMillis() * 8, TimeUnit.MILLISECONDS);
            pool.shutdownNow();
            monitor.join();
            boolean alive = service.alive();
            CrashScenario.awaitQuiet(telegram, System.currentTimeMillis() + 30_000);
            List<Http.Answer> stored = alive ? http.export(service.base(), setup.analystToken(), "harness") : List.of();
            service.stop();
            account(report, storm, stormMillis, drained, alive, telegram, telegramControls, webControls, stored,
                    channel, service.log());
        }
    }

    private void pollingFeed(Storm storm, Hostile h, Random r, FakeTelegram telegram, long chatBase, int target,
                             long end, AtomicBoolean running) {
        while (running.get() && System.currentTimeMillis() < end && storm.generated.get() < target) {
            if (telegram.pendingCount() >= 500) {
                Resident.sleep(5); // Telegram keeps what is not confirmed; the storm waits for the service
                continue;
            }
            long id = telegram.newUpdateId();
            long n = storm.generated.incrementAndGet();
            storm.telegramGenerated.incrementAndGet();
            telegram.push(id, h.update(id, chatBase + r.nextInt(chatPool), n % hugeEvery == 0));
        }
    }

    private void webhookStorm(Storm storm, Hostile h, Random r, Http http, String base, String secret, long chatBase,
                              int target, long end, AtomicBoolean running, FakeTelegram telegram) {
        while (running.get() && System.currentTimeMillis() < end && storm.generated.get() < target) {
            long n = storm.generated.incrementAndGet();
            storm.telegramGenerated.incrementAndGet();
            storm.webhookPosts.incrementAndGet();
            long id = telegram.newUpdateId();
            byte[] body = h.webhookBody(id, chatBase + r.nextInt(chatPool), n % hugeEvery == 0);
            boolean noSecret = r.nextInt(50) == 0;
            Http.Reply reply = noSecret ? http.post(base + "/telegram/webhook", body, "Content-Type", "application/json")
                    : http.post(base + "/telegram/webhook", body, "Content-Type", "application/json",
                    "X-Telegram-Bot-Api-Secret-Token", secret);
            storm.status("webhook", reply.status(), "a body of " + body.length + " bytes");
            if (!noSecret && h.lastWasIdentifiedUpdate && reply.status() >= 400 && reply.status() < 500
                    && reply.status() != 413) {
                storm.refusedUpdates.incrementAndGet();
            }
        }
    }

    private void webStorm(Storm storm, Hostile h, Random r, Http http, String base, String[] cookies, int target,
                          long end, AtomicBoolean running) {
        while (running.get() && System.currentTimeMillis() < end && storm.generated.get() < target) {
            long n = storm.generated.incrementAndGet();
            storm.webRequests.incrementAndGet();
            Hostile.WebRequest w = h.web(cookies, n % hugeEvery == 0);
            // a thousand clients, as the service sees them behind its proxy (server.forward-headers-strategy=native
            // trusts X-Forwarded-For from 127.0.0.1): a per-client limit must not confuse the storm with the controls
            List<String> headers = new ArrayList<>(List.of("Content-Type", w.contentType(), "X-Forwarded-For",
                    "10.0." + r.nextInt(4) + "." + (1 + r.nextInt(250))));
            if (w.cookie() != null) {
                headers.add("Cookie");
                headers.add("buurtstem_chat=" + w.cookie());
            }
            if (w.acceptLanguage() != null) {
                headers.add("Accept-Language");
                headers.add(w.acceptLanguage());
            }
            Http.Reply reply;
            if (r.nextInt(20) == 0) {
                String page = w.path().substring(0, w.path().indexOf("/api/"));
                reply = http.get(base + "/chat/" + page, headers.toArray(String[]::new));
            } else {
                reply = http.post(base + "/chat/" + w.path(), w.body(), headers.toArray(String[]::new));
            }
            storm.status("web chat", reply.status(), "/chat/" + (w.path().length() > 60 ? w.path().substring(0, 60)
                    + "…" : w.path()) + " with " + w.body().length + " bytes");
        }
    }

    private void account(Report report, Storm storm, long stormMillis, boolean drained, boolean alive,
                         FakeTelegram telegram, List<Resident> tgControls, List<WebResident> webControls,
                         List<Http.Answer> stored, TelegramChannel channel, Path log) throws IOException {
        Map<String, List<Http.Answer>> byText = new HashMap<>();
        for (Http.Answer a : stored) {
            byText.computeIfAbsent(a.text(), k -> new ArrayList<>()).add(a);
        }
        // the controls' answers: every confirmed one stored once, unchanged; nothing else under their respondent ids
        long sent = 0;
        long confirmedNotStored = 0;
        long twice = 0;
        Set<String> controlRespondents = new HashSet<>();
        Set<String> controlTexts = new HashSet<>();
        for (Resident r : tgControls) {
            for (Resident.SentAnswer a : r.answers) {
                sent++;
                controlTexts.add(a.text());
                List<Http.Answer> s = byText.getOrDefault(a.text(), List.of());
                s.forEach(x -> controlRespondents.add(x.respondent()));
                if (s.size() > 1) {
                    twice += s.size() - 1;
                }
                if (s.isEmpty() && channel.confirmed(a.updateId())) {
                    confirmedNotStored++;
                }
            }
        }
        long webSent = 0;
        long webMissing = 0;
        for (WebResident w : webControls) {
            for (Resident.SentAnswer a : w.answers) {
                webSent++;
                controlTexts.add(a.text());
                List<Http.Answer> s = byText.getOrDefault(a.text(), List.of());
                s.forEach(x -> controlRespondents.add(x.respondent()));
                if (s.size() > 1) {
                    twice += s.size() - 1;
                }
                if (s.isEmpty() && w.slow == 0) {
                    webMissing++; // answered 200 with the next question, yet not stored
                }
            }
        }
        long foreign = stored.stream().filter(a -> controlRespondents.contains(a.respondent()))
                .filter(a -> !controlTexts.contains(a.text())).count();
        long tgSlow = tgControls.stream().mapToLong(r -> r.unanswered).sum();
        long webSlow = webControls.stream().mapToLong(w -> w.slow).sum();
        long maxTg = tgControls.stream().flatMap(r -> r.replyMillis.stream()).mapToLong(Long::longValue).max().orElse(-1);
        long maxWeb = webControls.stream().flatMap(w -> w.replyMillis.stream()).mapToLong(Long::longValue).max()
                .orElse(-1);
        String webProblem = webControls.stream().map(w -> w.firstProblem).filter(p -> p != null).findFirst().orElse("-");
        long offsetStalls = storm.longestOffsetStandstill > stallBound.toMillis() ? 1 : 0;

        report.table();
        report.figure("storm time", stormMillis / 1000 + " s");
        report.figure("generated requests (Telegram updates + web chat requests)", storm.generated.get() + " ("
                + storm.telegramGenerated.get() + " + " + storm.webRequests.get() + ")");
        if (channel instanceof TelegramChannel.Polling) {
            report.figure("updates served by getUpdates / confirmed by the offset", telegram.servedUpdates.get() + " / "
                    + telegram.confirmedCount.get() + " (" + telegram.getUpdatesCalls.get() + " getUpdates calls)");
        }
        report.figure("answer statuses", new TreeMap<>(storm.statuses).toString());
        report.checkTrue("service process alive throughout", alive && !storm.died, alive && !storm.died ? "alive"
                : "DIED");
        report.check("5xx answers", storm.count(500, 599), 0);
        if (!storm.firstServerErrors.isEmpty()) {
            report.line("| first 5xx | " + String.join("; ", storm.firstServerErrors) + " | | |");
        }
        report.figure("requests without an answer within 30 s (status -1)", storm.count(-1, -1));
        if (channel instanceof TelegramChannel.Webhook) {
            report.figure("webhook: JSON updates with an update_id refused with 4xx (Telegram retries, then drops them"
                    + " without a trace: not parked)", storm.refusedUpdates.get() + " of " + storm.webhookPosts.get()
                    + " posts");
        }
        if (channel instanceof TelegramChannel.Polling) {
            report.check("poller stalls: the offset stood still > " + stallBound.toSeconds() + " s while updates waited"
                    + " (longest " + storm.longestOffsetStandstill / 1000 + " s)", offsetStalls, 0);
        }
        report.check("Telegram control steps without a reply within " + stallBound.toSeconds() + " s (slowest reply "
                + maxTg + " ms, " + tgControls.size() + " control residents)", tgSlow, 0);
        report.check("web control calls slower than " + stallBound.toSeconds() + " s or not 200 with the next question"
                + " (slowest " + maxWeb + " ms, first: " + webProblem + ")", webSlow, 0);
        report.figure("control answers sent (Telegram / web)", sent + " / " + webSent);
        report.check("control answers confirmed but not stored, or changed", confirmedNotStored + webMissing, 0);
        report.check("control answers stored twice", twice, 0);
        report.check("stored answers under a control's respondent id that it never sent", foreign, 0);
        report.figure("health not UP (samples)", storm.healthNotUp.get() + " of " + storm.healthSamples.get()
                + (storm.firstHealthProblem == null ? "" : "; first: `" + storm.firstHealthProblem.replace('|', '/')
                .replace('\n', ' ') + "`"));
        report.figure("storm threads finished in time", drained);
        logSearch(report, log);
    }

    /** Every log line holding a marker (generated text, names, cookies, controls' answers): must be none. */
    private void logSearch(Report report, Path log) throws IOException {
        List<String> hits = new ArrayList<>();
        long count = 0;
        long errors = 0;
        Map<String, Integer> errorKinds = new TreeMap<>();
        // the kind of an ERROR line: its first exception class, else the start of its message
        java.util.regex.Pattern exception = java.util.regex.Pattern.compile("[a-zA-Z_$][\\w$.]*(?:Exception|Error)\\b");
        java.util.regex.Pattern message = java.util.regex.Pattern.compile("(?:\"message\":\"| ERROR )(.{0,90})");
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            if (line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR ")) {
                errors++;
                java.util.regex.Matcher e = exception.matcher(line);
                java.util.regex.Matcher m = message.matcher(line);
                String kind = e.find() ? e.group() : m.find() ? m.group(1) : null;
                if (kind != null) {
                    errorKinds.merge(kind.replaceAll(setup.runId() + "\\w*", "MARKER").replace('|', '/')
                            .replace('`', '\''), 1, Integer::sum);
                }
            }
            if (line.contains(setup.runId())) {
                count++;
                if (hits.size() < 3) {
                    int at = line.indexOf(setup.runId());
                    hits.add(line.substring(Math.max(0, at - 120), Math.min(line.length(), at + 60)).replace('|', '/')
                            .replace('`', '\''));
                }
            }
        }
        report.figure("ERROR log lines", errors + (errorKinds.isEmpty() ? "" : ": " + errorKinds.entrySet().stream()
                .limit(4).map(e -> e.getValue() + "× `" + e.getKey() + "…`").toList()));
        report.check("log lines holding resident text (marker `" + setup.runId() + "`, " + Files.size(log) / 1024
                + " KB of log)", count, 0);
        for (String h : hits) {
            report.line("| e.g. | `…" + h + "…` | | |");
        }
    }
}
