package be.buurtstem.bot.cli;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code db}: the embedded MongoDB-compatible store (mongo-java-server, H2 file in the data folder) on its own, so
 * that several {@code serve} instances can share it through {@code MONGODB_URI}. Every write is on disk before it is
 * answered ({@link EmbeddedMongo#serve}); loopback by default, because the store has no authentication.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"Run the embedded MongoDB-compatible store on its own, for serve instances that use it through "
                + "MONGODB_URI (e.g. two instances sharing one store). Runs until stopped.",
                "It has no authentication: keep it on 127.0.0.1 (the default) or a private network."})
public final class DbCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "data folder (buurtstem.mv.db); default BUURTSTEM_DATA_DIR or ./data")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "27017", description = "port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
        }
        quietLibraryLogs();
        Path dir = (data != null ? data : Path.of(envOr("BUURTSTEM_DATA_DIR", "./data"))).toAbsolutePath().normalize();
        EmbeddedMongo db;
        try {
            if (!InetAddress.getByName(bind).isLoopbackAddress()) {
                err.println("warning: listening on " + bind + ": the store has no authentication, anyone who reaches "
                        + "this port can read and change every answer");
            }
            if (port != 0) { // asked first: a failed bind inside the server logs a stack trace
                try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                    probe.setReuseAddress(true);
                    probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(bind), port));
                } catch (java.io.IOException e) {
                    err.println("db: cannot listen on " + bind + ":" + port + ": address in use or not available");
                    err.flush();
                    return 1;
                }
            }
            db = EmbeddedMongo.serve(dir, bind, port);
        } catch (java.net.UnknownHostException e) {
            err.println("db: unknown address " + bind);
            err.flush();
            return 1;
        } catch (RuntimeException e) {
            err.println("db: cannot serve " + dir + " on " + bind + ":" + port + ": " + reason(e));
            err.flush();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "db-shutdown"));
        // H2 rewrites sparse chunks only when asked (its background writer is off): now and then, like serve does
        Thread.ofPlatform().daemon(true).name("db-compaction").start(() -> {
            while (true) {
                try {
                    Thread.sleep(Duration.ofHours(1));
                    db.compact();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    err.println("db: compaction failed: " + e.getClass().getSimpleName());
                }
            }
        });
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        out.println("buurtstem db: listening on " + bind + ":" + db.address().getPort() + ", data in " + dir);
        out.println("serve with: MONGODB_URI=mongodb://" + host + ":" + db.address().getPort());
        out.flush();
        return BuurtstemCommand.KEEP_RUNNING;
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().contains("Bind")) {
                return "address in use or not available (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("data folder")) {
                return t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** As serve's application.properties: the store's library logs every index it cannot build (each start). */
    private static void quietLibraryLogs() {
        if (org.slf4j.LoggerFactory.getLogger("de.bwaldvogel") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (org.slf4j.LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")
                instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        if (org.slf4j.LoggerFactory.getLogger("org.h2") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
