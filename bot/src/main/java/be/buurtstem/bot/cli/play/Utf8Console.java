package be.buurtstem.bot.cli.play;

import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 output whatever the platform's default: Arabic, Turkish and emoji must print correctly on a Windows
 * console or under {@code LANG=C} too, so the command writes UTF-8 bytes itself rather than trusting
 * {@code System.out}'s encoding.
 */
public final class Utf8Console {
    private Utf8Console() {
    }

    /** Sets UTF-8 out and err on a command line (tests may replace them afterwards with their own writers). */
    public static CommandLine utf8(CommandLine cl) {
        cl.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        return cl;
    }
}
