package be.buurtstem.bot.cli;

import be.buurtstem.bot.files.xlsform.XlsFormWriter;
import be.buurtstem.bot.service.questionnaires.QuestionnaireFile;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code convert IN OUT}: an XLSForm ({@code .xlsx}) to questionnaire YAML, or YAML to an XLSForm, chosen by the
 * files' extensions. The input is checked as {@code validate} checks it; with any error nothing is written (a
 * converted file that drops a condition would ask other questions than its source).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts a questionnaire between XLSForm (.xlsx) and YAML (.yaml, .yml), by the files' extensions.",
                "Prints every problem of the input (FILE:SHEET:ROW: message for an XLSForm); writes nothing when there are errors.",
                "Exit 0 when written, 1 when the input has errors, 2 on usage errors."})
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "the questionnaire to read (.xlsx, .yaml, .yml)")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "the file to write (.yaml or .yml from an .xlsx; .xlsx from a YAML file)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean fromXls = QuestionnaireFile.isXlsForm(in.toString());
        boolean toXls = QuestionnaireFile.isXlsForm(out.toString());
        if (fromXls == toXls || !(fromXls ? isYaml(out) : isYaml(in))) {
            err.println("convert reads an .xlsx and writes a .yaml, or reads a .yaml/.yml and writes an .xlsx (got "
                    + in.getFileName() + " → " + out.getFileName() + ")");
            return CommandLine.ExitCode.USAGE;
        }
        QuestionnaireFile.Text text;
        try {
            switch (QuestionnaireFile.read(in, in.toString())) {
                case QuestionnaireFile.Text t -> text = t;
                case QuestionnaireFile.Refused r -> {
                    stdout.println(r.problem());
                    stdout.println("not converted: " + in + " has errors");
                    stdout.flush();
                    return 1;
                }
            }
        } catch (IOException e) {
            err.println(in + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
            return CommandLine.ExitCode.USAGE;
        }
        LoadResult r = QuestionnaireLoader.parse(text.text(), in.toString());
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.questionnaire() != null) {
            problems.addAll(Validator.validate(r.questionnaire()));
        }
        problems = new ArrayList<>(text.place(problems));
        problems.addAll(text.conversionProblems());
        List<Problem> sorted = problems.stream().distinct().sorted().toList();
        sorted.forEach(stdout::println);
        if (r.questionnaire() == null || Validator.hasErrors(sorted)) {
            stdout.println("not converted: " + in + " has errors");
            stdout.flush();
            return 1;
        }
        try {
            if (toXls) {
                Files.write(out, XlsFormWriter.write(r.questionnaire()));
            } else {
                Files.writeString(out, "# Converted from " + in.getFileName() + " by: buurtstem convert\n" + text.text(),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println(out + ": cannot write the file (" + e.getClass().getSimpleName() + ")");
            return CommandLine.ExitCode.USAGE;
        }
        stdout.println("written: " + out);
        stdout.flush();
        return 0;
    }

    private static boolean isYaml(Path p) {
        String n = p.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
