package be.buurtstem.bot.cli;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.AnswerCoder;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.ModelStore;
import be.buurtstem.analysis.text.TextPipeline;
import be.buurtstem.bot.files.AnswerFormat;
import be.buurtstem.bot.files.AnswerReader;
import be.buurtstem.bot.files.AnswerWriter;
import be.buurtstem.bot.files.MalformedRecordException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code code apply --model M --input F --output O}: the same records with themes and scores filled. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Codes answers with a trained model, writing the same records with themes and scores filled.")
public final class CodeApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model made by 'code train'")
    Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "answers: .jsonl, .csv or .tsv")
    Path input;

    @CommandLine.Mixin
    CodeCommand.ReadOptions read = new CodeCommand.ReadOptions();

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "coded answers: .jsonl, .csv or .tsv")
    Path output;

    @Option(names = "--skip-bad", description = "skip malformed records, reporting each one, instead of stopping at the first")
    boolean skipBad;

    @Override
    public Integer call() {
        return CodeCommand.guarded(spec, this::apply);
    }

    private int apply() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(modelFile)) {
            throw new CodeCommand.Failure(modelFile + ": no such model file (make one with 'code train')");
        }
        try {
            if (AnswerFormat.of(input) == AnswerFormat.JSON_LINES && !read.columns.isEmpty()) {
                throw new CodeCommand.Failure("--columns: column names can be mapped for CSV and TSV files only");
            }
            AnswerFormat.of(output);
        } catch (IllegalArgumentException e) {
            throw new CodeCommand.Failure(e.getMessage());
        }
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new CodeCommand.Failure("--output must not be the input file");
        }
        CoderTrainer.Trained trained = ModelStore.load(modelFile);
        AnswerCoder coder = new AnswerCoder(TextPipeline.withBundledModel(), trained.coder());
        long coded = 0;
        long none = 0;
        long mismatches = 0;
        try {
            List<String> columns = AnswerFormat.of(output) != AnswerFormat.JSON_LINES
                    ? AnswerWriter.scanExtraColumns(input, bad -> { }, read.columns) : List.of();
            try (AnswerReader r = read.open(input, CodeCommand.skipReporter(skipBad, err));
                 AnswerWriter w = AnswerWriter.open(output, columns);
                 CodeProgress progress = new CodeProgress(System.err, "coding", -1)) {
                for (Answer record : r) {
                    Answer a = read.withDefaultLanguage(record);
                    AnswerCoder.Coded c = coder.code(a);
                    w.write(a.withCoding(c.coding().themes(), AnswerCoder.reportedScores(c.coding())));
                    coded++;
                    none += c.coding().themes().isEmpty() ? 1 : 0;
                    mismatches += c.language().mismatch() ? 1 : 0;
                    progress.update(coded);
                }
                if (r.skipped() > 0) {
                    err.println("note: " + r.skipped() + " malformed records were skipped (listed above) and are not in the output");
                }
            }
        } catch (MalformedRecordException e) {
            Files.deleteIfExists(output);
            throw new CodeCommand.Failure(e.getMessage() + " (use --skip-bad to skip such records)");
        } catch (UncheckedIOException e) {
            throw new CodeCommand.Failure(e.getMessage());
        }
        err.printf("coded %d answers with %s %s (%d with no theme, %d written in another language than the one chosen)%n",
                coded, trained.coder().id(), trained.coder().version(), none, mismatches);
        err.flush();
        return 0;
    }
}
