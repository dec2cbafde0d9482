package be.buurtstem.bot.cli;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.ModelInfo;
import be.buurtstem.analysis.coding.ModelStore;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.analysis.text.TextPipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code code train --input F --model M}: trains a theme coder on the labels its input holds. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a theme coder on labelled answers (records with themes) and writes a new model version.")
public final class CodeTrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CodeCommand.InputOptions in = new CodeCommand.InputOptions();

    @Mixin
    CodeCommand.ModelOptions model = new CodeCommand.ModelOptions();

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model file to write (its version goes up by one)")
    Path modelFile;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds for the model's scores and thresholds; 0 for none (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--json", description = "print the model record as JSON")
    boolean json;

    @Override
    public Integer call() {
        return CodeCommand.guarded(spec, this::train);
    }

    private int train() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (folds == 1 || folds < 0) {
            throw new CodeCommand.Failure("--folds: use 0 (no cross-validation) or 2 or more");
        }
        TrainerSettings settings = model.settings(folds);
        Codebook codebook = CodeCommand.codebook(in.codebook);
        CodeCommand.Labelled labelled = CodeCommand.readLabelled(in, model.withSeeds, false, err);
        CodeCommand.reportLeftOut(labelled, err);
        if (labelled.data().isEmpty()) {
            throw new CodeCommand.Failure(in.input + ": no labelled answers (records with a themes field) to train on");
        }
        int version = 1;
        if (Files.exists(modelFile)) {
            try {
                version = ModelStore.load(modelFile).info().version() + 1;
            } catch (IOException e) {
                throw new CodeCommand.Failure(modelFile + " exists and is not a model this program made: " + e.getMessage());
            }
        }
        TextPipeline pipeline = TextPipeline.withBundledModel();
        CoderTrainer.Trained trained;
        try (CodeProgress progress = new CodeProgress(System.err, "training", folds + 1L)) {
            trained = new CoderTrainer(pipeline).train(labelled.data(), CodeCommand.keywordCoder(codebook), settings, version,
                    Instant.now(), progress::update);
        }
        ModelStore.save(trained, codebook, modelFile);
        ModelInfo info = trained.info();
        if (json) {
            out.println(ModelStore.toJson(info));
        } else {
            out.printf("model version %d written to %s%n", info.version(), modelFile);
            out.printf("trained %s on %d answers (%d synthetic), %d themes%n", info.trainedAt(), info.examples(), info.synthetic(),
                    info.themeCounts().size());
            out.println(info.settings());
            if (info.cv() != null) {
                out.printf("cross-validated (%d folds by respondent, %d answers scored, synthetic ones never): micro F1 %.3f, macro F1 %.3f, kappa %.3f%n",
                        info.folds(), info.cv().answers(), info.cv().microF1(), info.cv().macroF1(), info.cv().kappa());
                info.cvByLanguage().forEach((lang, r) -> out.printf("  %-8s %5d answers  micro F1 %.3f  macro F1 %.3f  kappa %.3f%n",
                        lang, r.answers(), r.microF1(), r.macroF1(), r.kappa()));
            } else {
                out.println("no cross-validation (too few non-synthetic answers, or --folds 0): thresholds 0.5");
            }
        }
        out.flush();
        return 0;
    }
}
