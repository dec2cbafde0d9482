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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop webhook load: update {@code k} has the intended send time {@code start + k / rate}, whatever happened to
 * the updates before it, and goes to resident {@code k mod N}; each is POSTed with the secret header as Telegram does,
 * over at most {@code connections} connections at once (Telegram's {@code max_connections}; beyond, updates wait
 * their turn, as they do at Telegram).
 * Its latency is measured from the intended send time (a late sender or a slow service cannot hide a queue:
 * no coordinated omission) to the 200, and to the first reply the fake Telegram received for that chat after it
 * was posted. With {@code retry}, a failed post is posted again (to the next URL) like Telegram does, and the latency
 * runs until the 200.
 */
final class OpenLoop {
    /** What one run measured. */
    record Result(int scheduled, int ok, long firstAttemptErrors, long failed, Map<Integer, Long> statuses,
                  Latencies http, Latencies reply, long noReply, double achievedRate, double sentRate,
                  long lateSendsOver10ms, double seconds, int[] statusByUpdate, SteadyWindow steady) {
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
    private final List<String> urls;
    private final String secret;
    private final boolean retry;
    private final Duration timeout;
    private final int connections;
    private final Duration drain;

    /**
     * @param connections posts in flight at most (Telegram's webhook {@code max_connections}: default 40, at most 100)
     * @param drain       after the last intended send time, how long queued updates are still sent
     */
    OpenLoop(List<String> webhookUrls, String secret, boolean retry, Duration timeout, int connections,
             Duration drain) {
        this.urls = List.copyOf(webhookUrls);
        this.secret = secret;
        this.retry = retry;
        this.timeout = timeout;
        this.connections = connections;
        this.drain = drain;
    }

    /** The intended send time of update {@code k} at {@code rate} per second, in ns after the start. */
    static long intendedOffsetNanos(long k, double rate) {
        return (long) (k * 1_000_000_000.0 / rate);
    }

    /**
     * Sends {@code rate × seconds} updates of {@code residents} (update k from resident {@code k mod N}): each is
     * written at its intended time and queued, like an update arriving at Telegram, and {@code connections} senders
     * take them in order, like Telegram's webhook ({@code max_connections}, default 40). Then waits for every
     * answer (at most {@code drain} after the last intended time; what is still queued then is not sent and counted
     * as an error), then for the replies to stop arriving at the fake.
     */
    Result run(Residents residents, FakeTelegram telegram, double rate, double seconds) throws InterruptedException {
        return run(residents, telegram, rate, seconds, null, 0);
    }

    /**
     * As {@link #run(Residents, FakeTelegram, double, double)}, and with {@code cpuNanos} (the service's CPU time so
     * far) the steady-state window: CPU sampled {@code skipSeconds} after the first intended send and at the last
     * one, and the updates answered 200 in between ({@link SteadyWindow}; null in the result when not asked or when
     * the skip leaves no window).
     */
    Result run(Residents residents, FakeTelegram telegram, double rate, double seconds,
               java.util.function.LongSupplier cpuNanos, double skipSeconds) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long[] intended = new long[total];
        long[] posted = new long[total];
        long[] done = new long[total];
        int[] status = new int[total];
        int[] chatIndex = new int[total];
        byte[][] bodies = new byte[total][];
        Latencies http = new Latencies();
        AtomicLong firstErrors = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        // one queue per connection, a resident always on the same one: one chat's updates are posted one after the
        // other, in order, never two at once (as Telegram delivers a chat's updates)
        @SuppressWarnings("unchecked")
        java.util.concurrent.LinkedBlockingQueue<Integer>[] queues = new java.util.concurrent.LinkedBlockingQueue[
                connections];
        for (int c = 0; c < connections; c++) {
            queues[c] = new java.util.concurrent.LinkedBlockingQueue<>();
        }
        AtomicLong late = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        long stopAt = start + intendedOffsetNanos(total, rate) + drain.toNanos();
        long windowFrom = start + (long) (skipSeconds * 1e9);
        long windowTo = start + intendedOffsetNanos(Math.max(0, total - 1), rate);
        long[] samples = new long[6]; // at, cpu, sends: at the window's start, then at its end
        Thread sampler = null;
        if (cpuNanos != null && windowTo > windowFrom) {
            sampler = Thread.ofPlatform().daemon().name("steady-window").start(() -> {
                // a platform thread: the senders' virtual threads must not delay a sample
                sampleAt(windowFrom, samples, 0, cpuNanos, telegram);
                sampleAt(windowTo, samples, 3, cpuNanos, telegram);
            });
        }
        Thread[] senders = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            java.util.concurrent.LinkedBlockingQueue<Integer> due = queues[c];
            senders[c] = Thread.ofVirtual().start(() -> {
                while (true) {
                    Integer next;
                    try {
                        next = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int k = next;
                    if (k < 0) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (now - intended[k] > 10_000_000L) {
                        late.incrementAndGet();
                    }
                    posted[k] = now;
                    status[k] = send(k, bodies[k], intended, done, http, firstErrors, statuses, stopAt);
                }
            });
        }
        for (int k = 0; k < total; k++) {
            long at = start + intendedOffsetNanos(k, rate);
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int r = k % residents.count();
            chatIndex[k] = r;
            intended[k] = at;
            // what the resident writes is decided now, from what the bot has shown them so far
            bodies[k] = residents.next(r, telegram.newUpdateId()).getBytes(StandardCharsets.UTF_8);
            queues[r % connections].add(k);
        }
        for (int c = 0; c < connections; c++) {
            queues[c].add(-1);
        }
        for (Thread t : senders) {
            t.join(Math.max(1, (stopAt - System.nanoTime()) / 1_000_000 + timeout.toMillis() + 1000));
        }
        int unsent = 0;
        for (java.util.concurrent.LinkedBlockingQueue<Integer> q : queues) {
            unsent += (int) q.stream().filter(k -> k >= 0).count();
            q.clear();
        }
        for (Thread t : senders) {
            t.interrupt();
        }
        SteadyWindow steady = null;
        if (sampler != null) {
            sampler.join();
            if (samples[3] > 0) {
                steady = new SteadyWindow(samples[0], samples[3], samples[1], samples[4], samples[2], samples[5],
                        SteadyWindow.answeredBetween(done, status, samples[0], samples[3]));
            }
        }
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
            long sent = times == null || posted[k] == 0 ? -1 : times.firstFrom(posted[k]);
            if (sent < 0) {
                noReply++;
            } else {
                reply.addSince(intended[k], sent);
            }
        }
        if (unsent > 0) {
            statuses.merge(0, (long) unsent, Long::sum);
        }
        double span = (lastDone - start) / 1e9;
        return new Result(total, ok, firstErrors.get(), total - ok, new TreeMap<>(statuses), http, reply, noReply,
                span > 0 ? ok / span : 0, rate, late.get(), seconds, status, steady);
    }

    private static void sampleAt(long at, long[] samples, int slot, java.util.function.LongSupplier cpuNanos,
                                 FakeTelegram telegram) {
        long wait;
        while ((wait = at - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        samples[slot + 1] = cpuNanos.getAsLong();
        samples[slot + 2] = telegram.sends.sum();
        samples[slot] = System.nanoTime(); // after reading the CPU: a 200 counted in the window had its CPU in it
    }

    /** Posts update k (again, to the next URL, while {@code retry} and before {@code stopAt}); its final status. */
    private int send(int k, byte[] body, long[] intended, long[] done, Latencies http, AtomicLong firstErrors,
                     Map<Integer, Long> statuses, long stopAt) {
        for (int attempt = 0; ; attempt++) {
            if (System.nanoTime() > stopAt) {
                statuses.merge(0, 1L, Long::sum); // not sent within the drain bound
                return 0;
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(urls.get((k + attempt) % urls.size())))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", secret)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int code;
            try {
                code = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                code = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            statuses.merge(code, 1L, Long::sum);
            if (code == 200) {
                long now = System.nanoTime();
                done[k] = now;
                http.addSince(intended[k], now);
                return 200;
            }
            if (attempt == 0) {
                firstErrors.incrementAndGet();
            }
            if (!retry || attempt >= 20) {
                return code;
            }
            LockSupport.parkNanos(200_000_000L);
        }
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
        client.shutdownNow();
    }
}
