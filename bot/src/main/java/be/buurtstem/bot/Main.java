package be.buurtstem.bot;

import be.buurtstem.bot.cli.BuurtstemCommand;
import picocli.CommandLine;

/**
 * The one entry point of {@code buurtstem.jar}. Commands other than {@code serve} never start Spring,
 * so that {@code validate} and {@code play} answer in a fraction of a second.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exit = BuurtstemCommand.commandLine().execute(args);
        // serve keeps running in its own non-daemon threads; every other command ends here.
        if (exit != BuurtstemCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
