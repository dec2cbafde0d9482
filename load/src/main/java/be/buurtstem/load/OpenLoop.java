package be.buurtstem.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop webhook load: update {@code k} has the intended send time {@code start + k / rate}, whatever happened to
 * the updates before it, and goes to resident {@code k mod N}; each is POSTed with the secret header as Telegram does.
 * Its latency is measured from the intended send time (a late sender or a slow service cannot hide a queue:
 * no coordinated omission) to the 200, and to the first reply the fake Telegram received for that chat after it
 * was posted. With {@code retry}, a failed post is posted again (to the next URL) like Telegram does, and the latency
 * runs until the 200.
 */
final class OpenLoop {
    /** What one run measured. */
    record Result(int scheduled, int ok, long firstAttemptErrors, long failed, Map<Integer, Long> statuses,
                  Latencies http, Latencies reply, long noReply, double achievedRate, double sentRate,
                  long lateSendsOver10ms, double seconds, int[] statusByUpdate) {
        /** Updates {@code from} (inclusive) to {@code to} (exclusive) answered 200. */
        long okBetween(int from, int to) {
            long n = 0;
            for (int k = Math.max(0, from); k < Math.min(to, statusByUpdate.length); k++) {
                if (statusByUpdate[k] == 200) {
                    n++;
                }
            }
            return n;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final List<String> urls;
    private final String secret;
    private final boolean retry;
    private final Duration timeout;

    OpenLoop(List<String> webhookUrls, String secret, boolean retry, Duration timeout) {
        this.urls = List.copyOf(webhookUrls);
        this.secret = secret;
        this.retry = retry;
        this.timeout = timeout;
    }

    /** The intended send time of update {@code k} at {@code rate} per second, in ns after the start. */
    static long intendedOffsetNanos(long k, double rate) {
        return (long) (k * 1_000_000_000.0 / rate);
    }

    /**
     * Sends {@code rate × seconds} updates of {@code residents} (update k from resident {@code k mod N}), waits for
     * every answer (bound: the request timeout, more with retries), then for the replies to stop arriving at the fake.
     */
    Result run(Residents residents, FakeTelegram telegram, double rate, double seconds) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long[] intended = new long[total];
        long[] posted = new long[total];
        long[] done = new long[total];
        int[] status = new int[total];
        int[] chatIndex = new int[total];
        Latencies http = new Latencies();
        AtomicLong firstErrors = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(total);
        long late = 0;
        long start = System.nanoTime() + 100_000_000L;
        for (int k = 0; k < total; k++) {
            long at = start + intendedOffsetNanos(k, rate);
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int r = k % residents.count();
            chatIndex[k] = r;
            intended[k] = at;
            long now = System.nanoTime();
            if (now - at > 10_000_000L) {
                late++;
            }
            posted[k] = now;
            byte[] body = residents.next(r, telegram.newUpdateId()).getBytes(StandardCharsets.UTF_8);
            post(k, body, 0, 0, intended, done, status, http, firstErrors, failed, statuses, finished);
        }
        long lastPost = System.nanoTime();
        finished.await(timeout.toMillis() * (retry ? 4 : 1) + 5000, TimeUnit.MILLISECONDS);
        awaitQuiet(telegram, Duration.ofSeconds(3), Duration.ofSeconds(120));
        Latencies reply = new Latencies();
        long noReply = 0;
        long lastDone = start;
        int ok = 0;
        for (int k = 0; k < total; k++) {
            if (status[k] == 200) {
                ok++;
                lastDone = Math.max(lastDone, done[k]);
            }
            FakeTelegram.SendTimes times = telegram.sendTimes(residents.chat(chatIndex[k]));
            long sent = times == null ? -1 : times.firstFrom(posted[k]);
            if (sent < 0) {
                noReply++;
            } else {
                reply.addSince(intended[k], sent);
            }
        }
        double span = (lastDone - start) / 1e9;
        return new Result(total, ok, firstErrors.get(), total - ok,
                new TreeMap<>(statuses), http, reply, noReply, span > 0 ? ok / span : 0,
                total / Math.max(1e-9, (lastPost - start) / 1e9), late, seconds, status);
    }

    private void post(int k, byte[] body, int attempt, int url, long[] intended, long[] done, int[] status,
                      Latencies http, AtomicLong firstErrors, AtomicLong failed, Map<Integer, Long> statuses,
                      CountDownLatch finished) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(urls.get(url % urls.size()))).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((res, err) -> {
            long now = System.nanoTime();
            int code = err != null ? -1 : res.statusCode();
            statuses.merge(code, 1L, Long::sum);
            if (code == 200) {
                done[k] = now;
                status[k] = 200;
                http.addSince(intended[k], now);
                finished.countDown();
                return;
            }
            if (attempt == 0) {
                firstErrors.incrementAndGet();
            }
            if (retry && attempt < 20) {
                retries.schedule(() -> post(k, body, attempt + 1, url + 1, intended, done, status, http, firstErrors,
                        failed, statuses, finished), 200, TimeUnit.MILLISECONDS);
                return;
            }
            status[k] = code;
            failed.incrementAndGet();
            finished.countDown();
        });
    }

    /** Waits until no message has reached the fake for {@code quiet}, or the bound. */
    static void awaitQuiet(FakeTelegram telegram, Duration quiet, Duration bound) {
        long until = System.currentTimeMillis() + bound.toMillis();
        long last = -1;
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() < until) {
            long n = telegram.sends.sum();
            if (n != last) {
                last = n;
                since = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - since >= quiet.toMillis()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Closed loop at a fixed concurrency, as fast as the service takes them (seeding); returns the 200s. */
    long flood(Residents residents, FakeTelegram telegram, int rounds, int concurrency) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        for (int round = 0; round < rounds; round++) {
            AtomicInteger next = new AtomicInteger();
            Thread[] workers = new Thread[concurrency];
            for (int w = 0; w < concurrency; w++) {
                workers[w] = Thread.ofVirtual().start(() -> {
                    for (int r = next.getAndIncrement(); r < residents.count(); r = next.getAndIncrement()) {
                        byte[] body = residents.next(r, telegram.newUpdateId()).getBytes(StandardCharsets.UTF_8);
                        for (int attempt = 0; attempt < 10; attempt++) {
                            try {
                                HttpResponse<Void> res = client.send(HttpRequest.newBuilder(URI.create(urls.get(r
                                                % urls.size()))).timeout(timeout)
                                        .header("Content-Type", "application/json")
                                        .header("X-Telegram-Bot-Api-Secret-Token", secret)
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                        HttpResponse.BodyHandlers.discarding());
                                if (res.statusCode() == 200) {
                                    ok.incrementAndGet();
                                    break;
                                }
                            } catch (java.io.IOException e) {
                                // posted again, like Telegram
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                });
            }
            for (Thread t : workers) {
                t.join();
            }
        }
        return ok.get();
    }

    void close() {
        retries.shutdownNow();
        client.shutdownNow();
    }
}
