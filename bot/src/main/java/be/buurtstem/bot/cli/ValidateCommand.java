package be.buurtstem.bot.cli;

import be.buurtstem.bot.service.questionnaires.QuestionnaireFile;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.Validator;
import be.buurtstem.engine.model.Questionnaire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code validate FILE...}: every problem of every file at once, as {@code FILE:LINE: message}, so that an
 * organiser fixes them in one go. Exit 0 when valid (warnings allowed), 1 when any file has errors, 2 on usage.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks questionnaire files (YAML, or XLSForm .xlsx) and prints every problem as FILE:LINE: message",
                "(FILE:SHEET:ROW: message for an XLSForm).",
                "Exit 0 when valid (warnings allowed), 1 when there are errors, 2 on usage errors."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "questionnaire files (.yaml, .yml, or XLSForm .xlsx)")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int errors = 0;
        int warnings = 0;
        int badFiles = 0;
        boolean unreadable = false;
        Map<String, String> seenIds = new HashMap<>();
        for (Path file : files) {
            String name = file.toString();
            QuestionnaireFile.Text read;
            String text;
            try {
                switch (QuestionnaireFile.read(file, name)) {
                    case QuestionnaireFile.Text t -> {
                        read = t;
                        text = t.text();
                    }
                    case QuestionnaireFile.Refused r -> {
                        out.println(r.problem());
                        errors++;
                        badFiles++;
                        continue;
                    }
                }
            } catch (IOException e) {
                err.println(name + ": cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                unreadable = true;
                continue;
            }
            List<Problem> problems = new ArrayList<>();
            LoadResult r = QuestionnaireLoader.parse(text, name);
            problems.addAll(r.problems());
            if (r.questionnaire() != null) {
                Questionnaire q = r.questionnaire();
                problems.addAll(Validator.validate(q));
                if (!Validator.hasErrors(problems)) {
                    problems.addAll(Validator.checkFormatting(q));
                }
                String key = q.id() + " v" + q.version();
                String other = seenIds.putIfAbsent(key, name);
                if (other != null && !q.id().isEmpty()) {
                    problems.add(Problem.error(name, q.lineOf("id"), "questionnaire " + key + " is also defined in " + other));
                }
            }
            problems = new ArrayList<>(read.place(problems));
            problems.addAll(read.conversionProblems());
            List<Problem> sorted = problems.stream().distinct().sorted().toList();
            sorted.forEach(out::println);
            long e = sorted.stream().filter(Problem::isError).count();
            errors += (int) e;
            warnings += (int) (sorted.size() - e);
            if (e > 0) {
                badFiles++;
            }
        }
        if (unreadable) {
            out.flush();
            return CommandLine.ExitCode.USAGE;
        }
        String w = warnings == 0 ? "" : ", " + plural(warnings, "warning");
        if (errors > 0) {
            out.println(plural(errors, "error") + w + " in " + badFiles + " of " + plural(files.size(), "file"));
            out.flush();
            return 1;
        }
        out.println("OK: " + plural(files.size(), "questionnaire file") + " valid" + w);
        out.flush();
        return 0;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
