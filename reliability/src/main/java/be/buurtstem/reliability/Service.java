package be.buurtstem.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service under test: {@code java -jar buurtstem.jar serve} in its own process, configured by environment
 * variables only (bot/README.md), on a free port of 127.0.0.1, its stdout and stderr appended to one log file (searched
 * afterwards for resident text). Killed with SIGKILL ({@link #kill()}) or stopped with SIGTERM ({@link #stop()}).
 */
final class Service implements AutoCloseable {
    private final Path jar;
    private final Path log;
    private final Map<String, String> env;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    /** Services still running when the harness itself is stopped (Ctrl-C) are killed, never left behind. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    int starts;
    long lastStartMillis;

    Service(Path jar, Path log, Map<String, String> env) throws IOException {
        this.jar = jar;
        this.log = log;
        this.env = new LinkedHashMap<>(env);
        this.port = freePort();
        this.env.put("SERVER_PORT", String.valueOf(port));
        this.env.put("SERVER_ADDRESS", "127.0.0.1");
        Files.createDirectories(log.getParent());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    void env(String name, String value) {
        env.put(name, value);
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** Starts the jar and waits until /actuator/health answers UP (or throws after the bound). */
    void start(Duration bound) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + env.getOrDefault("HARNESS_XMX", "768m"),
                "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-jar", jar.toString(), "serve");
        pb.environment().putAll(env);
        pb.environment().remove("HARNESS_XMX");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long t0 = System.currentTimeMillis();
        process = pb.start();
        RUNNING.removeIf(p -> !p.isAlive());
        RUNNING.add(process);
        starts++;
        long deadline = t0 + bound.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (healthUp()) {
                lastStartMillis = System.currentTimeMillis() - t0;
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not UP within " + bound.toSeconds() + " s; see " + log);
    }

    /** The health endpoint's status line, or null when it does not answer. */
    String health() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    boolean healthUp() {
        String h = health();
        return h != null && h.startsWith("200") && h.contains("\"UP\"");
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM: the graceful shutdown (outbox drained, store closed). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
