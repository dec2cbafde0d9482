package be.buurtstem.load;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steady-state CPU figure: only the window's CPU and the window's answers count, so a start-up cost (here a
 * stand-in "JIT warm-up" charged before the window) leaves it alone while the whole-run figure carries it.
 */
class SteadyWindowTest {
    @Test
    void countsOnlyTheAnswersThatArrivedInsideTheWindow() {
        long[] done = {5, 10, 15, 20, 25, 30};
        int[] status = {200, 200, 503, 200, 200, 200};
        assertEquals(3, SteadyWindow.answeredBetween(done, status, 10, 25)); // 10, 20, 25; 15 was a 503
        SteadyWindow w = new SteadyWindow(0, 2_000_000_000L, 1_000_000_000L, 1_600_000_000L, 7, 307, 300);
        assertEquals(2.0, w.perUpdateMs(), 1e-9); // 0.6 s CPU / 300 updates
        assertEquals(2.0, w.seconds(), 1e-9);
        assertTrue(w.describe().startsWith("2.00 ms (0.6 s CPU over the 2.0 s window / 300 updates"), w.describe());
        assertTrue(w.describe().contains("300 replies sent in it"), w.describe());
        assertTrue(Double.isNaN(new SteadyWindow(0, 1, 0, 5, 0, 0, 0).perUpdateMs()));
    }

    @Test
    void aStartUpCostBeforeTheWindowIsNotChargedToTheUpdatesInIt() throws Exception {
        // the stand-in service's "CPU": 1 s charged by its first request (start-up, JIT), then 2 ms per request
        AtomicLong cpu = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        service.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        service.createContext("/telegram/webhook", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                cpu.addAndGet((requests.getAndIncrement() == 0 ? 1_000_000_000L : 0) + 2_000_000L);
                ex.sendResponseHeaders(200, -1);
            }
        });
        service.start();
        try (FakeTelegram telegram = new FakeTelegram()) {
            OpenLoop loop = new OpenLoop(List.of("http://127.0.0.1:" + service.getAddress().getPort()
                    + "/telegram/webhook"), "s3cret", false, Duration.ofSeconds(10), 4, Duration.ofSeconds(30));
            Residents residents = new Residents(1000, 20, "inclusieweb", telegram, 1).scripted("nl");
            long before = cpu.get();
            OpenLoop.Result r = loop.run(residents, telegram, 200, 1.5, cpu::get, 0.5); // 300 updates
            long whole = cpu.get() - before;
            loop.close();

            assertEquals(300, r.ok());
            SteadyWindow w = r.steady();
            assertNotNull(w);
            // the answers of the ~1 s window (fewer when the loaded machine makes the client late): each of them, and
            // nothing else, at 2 ms; an update posted just before a sample and answered just after it blurs the edge
            assertTrue(w.answered() >= 20 && w.answered() <= 250, "answered in the window: " + w.answered());
            assertEquals(2.0, w.perUpdateMs(), 0.25, w.describe());
            // the whole-run figure carries the start-up second: more than 5 ms per update
            assertTrue(whole / 1e6 / r.ok() > 5, "whole run: " + whole / 1e6 / r.ok() + " ms per update");

            assertNull(loop(service, telegram).run(residents, telegram, 200, 0.2, cpu::get, 5).steady(),
                    "a skip past the run leaves no window");
        } finally {
            service.stop(0);
        }
    }

    private static OpenLoop loop(HttpServer service, FakeTelegram telegram) {
        return new OpenLoop(List.of("http://127.0.0.1:" + service.getAddress().getPort() + "/telegram/webhook"),
                "s3cret", false, Duration.ofSeconds(10), 4, Duration.ofSeconds(30));
    }
}
