package be.buurtstem.bot.cli;

import java.io.PrintStream;

/**
 * A progress bar on standard error, drawn only when the program runs on a terminal (never in pipes, files or CI logs).
 */
final class CodeProgress implements AutoCloseable {
    private final PrintStream err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private long lastDrawn = -1;
    private long lastTime;

    CodeProgress(PrintStream err, String label, long total) {
        this(err, label, total, onTerminal());
    }

    CodeProgress(PrintStream err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = enabled;
    }

    /** True when the JVM's console is an interactive terminal (JDK 22+ says so exactly; JDK 21 has a console only then). */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done != total && now - lastTime < 100_000_000L) {
            return;
        }
        lastTime = now;
        if (done == lastDrawn) {
            return;
        }
        lastDrawn = done;
        int width = 30;
        if (total > 0) {
            int filled = (int) Math.min(width, done * width / total);
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        } else {
            err.print("\r" + label + " " + done);
        }
        err.flush();
    }

    @Override
    public void close() {
        if (enabled && lastDrawn >= 0) {
            err.println();
        }
    }
}
