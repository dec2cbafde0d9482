package be.buurtstem.bot.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the real command line (as Main does) and captures what it prints. */
public record CliRun(int exit, String out, String err) {

    /** The shared realistic questionnaire of the engine's tests (tests run in the bot module's folder). */
    static final Path BUURTLEVEN = Path.of("../survey-engine/src/test/resources/questionnaires/buurtleven.yaml");
    static final Path BROKEN = Path.of("../survey-engine/src/test/resources/broken");
    static final Path SCRIPTS = Path.of("src/test/resources/play");

    public static CliRun run(String... args) {
        return run(null, args);
    }

    static CliRun run(java.util.function.Consumer<CommandLine> setup, String... args) {
        CommandLine cl = BuurtstemCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        if (setup != null) {
            setup.accept(cl);
        }
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
