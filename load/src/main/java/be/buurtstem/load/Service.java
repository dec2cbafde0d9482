package be.buurtstem.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the built jar ({@code java [jvm options] -jar JAR COMMAND}), configured by environment variables
 * only (bot/README.md), on a free port of 127.0.0.1, its stdout and stderr appended to one log file.
 */
final class Service implements AutoCloseable {
    /** Children still running when the harness is stopped (Ctrl-C) are killed, never left behind. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final Path jar;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> jvm;
    private final String command;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    long lastStartMillis;

    Service(Path jar, Path log, Map<String, String> env, List<String> jvm, String command) throws IOException {
        this.jar = jar;
        this.log = log;
        this.env = new LinkedHashMap<>(env);
        this.jvm = List.copyOf(jvm);
        this.command = command;
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

    long pid() {
        return process.pid();
    }

    /** Starts the process without waiting (for commands that have no health endpoint, e.g. {@code db}). */
    void launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvm);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(command.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        RUNNING.removeIf(p -> !p.isAlive());
        RUNNING.add(process);
    }

    /** Starts the jar and waits until /actuator/health answers UP; {@link #lastStartMillis} is that time. */
    void start(Duration bound) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        launch();
        long deadline = System.currentTimeMillis() + bound.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            if (healthUp()) {
                lastStartMillis = (System.nanoTime() - t0) / 1_000_000;
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("service not UP within " + bound.toSeconds() + " s; see " + log);
    }

    /**
     * Waits until the started service is idle (less than 5 % of a core over a second: start-up work such as the
     * coder's first training has finished), at most {@code bound}; returns the time it waited.
     */
    long settle(Duration bound) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        Duration before = ProcessStats.cpu(pid());
        while (System.currentTimeMillis() - t0 < bound.toMillis()) {
            Thread.sleep(1000);
            Duration now = ProcessStats.cpu(pid());
            if (now.minus(before).toMillis() < 50) {
                break;
            }
            before = now;
        }
        return System.currentTimeMillis() - t0;
    }

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

    /** SIGKILL. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM: the graceful shutdown. */
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
