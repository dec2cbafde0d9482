package be.buurtstem.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code java -jar buurtstem.jar COMMAND}. Subcommands are registered in {@link #commandLine()}. */
@Command(name = "buurtstem", mixinStandardHelpOptions = true, version = "buurtstem 0.1.0",
        description = "Buurtstem: a neighbourhood hears its residents, in their own language.")
public final class BuurtstemCommand implements Runnable {

    /** Returned by {@code serve}: the process must not exit after the command returns. */
    public static final int KEEP_RUNNING = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BuurtstemCommand());
        // Subcommands: each lives in its own file in this package.
        cl.addSubcommand("serve", new ServeCommand());
        cl.addSubcommand(new DbCommand());
        cl.addSubcommand(new ValidateCommand());
        cl.addSubcommand(new PlayCommand());
        cl.addSubcommand(new ConvertCommand());
        cl.addSubcommand(new SaturationCommand());
        cl.addSubcommand(new CodeCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new BuurtkaartCommand());
        // Commands print Arabic and Turkish: UTF-8 whatever the platform default. Set on the root, because picocli
        // hands the root's (lazily made, platform-encoded) writers down to every subcommand when it runs.
        be.buurtstem.bot.cli.play.Utf8Console.utf8(cl);
        return cl;
    }
}
