package be.buurtstem.bot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code db} given a port in use, an impossible port or an unknown address: one line, an exit code, no trace. */
class DbCommandTest {

    @Test
    void aPortInUseIsOneLineAndExitOne(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CliRun run = CliRun.run("db", "--data", data.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.err().contains("address in use"), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void anImpossiblePortIsAUsageError(@TempDir Path data) {
        CliRun run = CliRun.run("db", "--data", data.toString(), "--port", "70000");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--port must be 0..65535"), run.err());
    }

    @Test
    void anUnknownAddressIsOneLine(@TempDir Path data) {
        CliRun run = CliRun.run("db", "--data", data.toString(), "--bind", "no-such-host.invalid", "--port", "0");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith("db: unknown address no-such-host.invalid"), run.err());
    }
}
