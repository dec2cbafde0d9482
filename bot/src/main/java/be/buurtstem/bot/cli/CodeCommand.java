package be.buurtstem.bot.cli;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.analysis.coding.FeatureSet;
import be.buurtstem.analysis.coding.KeywordCoder;
import be.buurtstem.analysis.coding.LabelledAnswer;
import be.buurtstem.analysis.coding.Scheme;
import be.buurtstem.analysis.coding.TrainerSettings;
import be.buurtstem.bot.files.AnswerFormat;
import be.buurtstem.bot.files.AnswerReader;
import be.buurtstem.bot.files.MalformedRecord;
import be.buurtstem.bot.files.MalformedRecordException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code code train | apply | evaluate}: theme coding of answer files (DESIGN.md, "Command line").
 * Exit codes: 0 done, 1 a malformed record (without {@code --skip-bad}) or an unreadable file, 2 usage.
 */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Theme coding of answer files (JSON Lines, CSV or TSV): train, apply, evaluate.",
        subcommands = {CodeTrainCommand.class, CodeApplyCommand.class, CodeEvaluateCommand.class})
public final class CodeCommand implements Runnable {
    static final String SEEDS = "/be/buurtstem/content/seed-examples.jsonl";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: train, apply or evaluate");
    }

    /** Thrown for a problem the user can fix; the message is printed as it is, exit 1. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** Options shared by the subcommands that read labelled answers. */
    static class InputOptions {
        @Option(names = "--input", required = true, paramLabel = "FILE", description = "answers: .jsonl, .csv or .tsv")
        Path input;

        @Mixin
        ReadOptions read = new ReadOptions();

        @Option(names = "--skip-bad", description = "skip malformed records, reporting each one, instead of stopping at the first")
        boolean skipBad;

        @Option(names = "--codebook", paramLabel = "FILE|bundled|none", defaultValue = "bundled",
                description = "the codebook whose keywords are combined with the model (default: ${DEFAULT-VALUE})")
        String codebook;
    }

    /** How a CSV/TSV file's columns and a record without a language are read (public data sets name them their way). */
    static class ReadOptions {
        @Option(names = "--columns", split = ",", paramLabel = "FIELD=COLUMN",
                description = "read a field from a differently named CSV/TSV column, e.g. id=index_id,themes=category (SIB-200)")
        Map<String, String> columns = new LinkedHashMap<>();

        @Option(names = "--language", paramLabel = "LANG",
                description = "the chosen language of records that name none (e.g. nl for a file all in Dutch)")
        String language;

        AnswerReader open(Path file, Consumer<MalformedRecord> onSkipped) throws IOException {
            try {
                return AnswerReader.open(file, onSkipped, columns);
            } catch (IllegalArgumentException e) {
                throw new Failure("--columns: " + e.getMessage());
            }
        }

        /** The record with {@code --language} filled in when it names none. */
        Answer withDefaultLanguage(Answer a) {
            if (language == null || a.language() != null) {
                return a;
            }
            return new Answer(a.id(), a.text(), a.respondent(), a.question(), language, a.themes(), a.segments(), a.receivedAt(),
                    a.scores(), a.synthetic());
        }
    }

    /** Options of the categorizer (used to choose the defaults by measurement; see analysis/docs/coding.md). */
    static class ModelOptions {
        @Option(names = "--features", paramLabel = "SPEC", defaultValue = "terms+chars4-4",
                description = "terms, bigrams, charsN-M joined by + (default: ${DEFAULT-VALUE})")
        String features;

        @Option(names = "--scheme", defaultValue = "ONE_VS_REST", description = "ONE_VS_REST or MULTINOMIAL (default: ${DEFAULT-VALUE})")
        Scheme scheme;

        @Option(names = "--algorithm", defaultValue = "MAXENT_QN|NAIVEBAYES",
                description = "MAXENT, MAXENT_QN, NAIVEBAYES or PERCEPTRON; a one-vs-rest blend with naive Bayes such as MAXENT_QN+NAIVEBAYES; "
                        + "or candidates A|B, of which cross-validation picks the better (default: ${DEFAULT-VALUE})")
        String algorithm;

        @Option(names = "--iterations", defaultValue = "100", description = "training iterations (default: ${DEFAULT-VALUE})")
        int iterations;

        @Option(names = "--with-seeds", description = "also train on the bundled synthetic seed examples (never scored)")
        boolean withSeeds;

        TrainerSettings settings(int folds) {
            FeatureSet fs;
            try {
                fs = FeatureSet.parse(features);
            } catch (IllegalArgumentException e) {
                throw new Failure("--features: " + e.getMessage());
            }
            String alg = algorithm.toUpperCase(Locale.ROOT);
            try {
                return new TrainerSettings(fs, scheme, alg, iterations, 1, folds, TrainerSettings.DEFAULT.seed());
            } catch (IllegalArgumentException e) {
                throw new Failure("--algorithm: " + e.getMessage());
            }
        }
    }

    /** Labelled answers read from a file, with what was left out. */
    record Labelled(List<LabelledAnswer> data, long unlabelled, long skipped, long synthetic) {
    }

    static Consumer<MalformedRecord> skipReporter(boolean skipBad, PrintWriter err) {
        return skipBad ? bad -> err.println("skipped " + bad) : null;
    }

    /**
     * Reads the labelled answers of a file (records without themes are counted and left out), plus the seeds if asked.
     * With {@code scoreSynthetic} the file's synthetic records are treated as if they were not (design measurements).
     */
    static Labelled readLabelled(InputOptions in, boolean withSeeds, boolean scoreSynthetic, PrintWriter err) {
        List<LabelledAnswer> data = new ArrayList<>();
        long unlabelled = 0;
        long skipped;
        long synthetic = 0;
        try (AnswerReader r = in.read.open(in.input, skipReporter(in.skipBad, err));
             CodeProgress progress = new CodeProgress(System.err, "reading", -1)) {
            for (Answer record : r) {
                Answer a = in.read.withDefaultLanguage(record);
                if (a.isLabelled()) {
                    LabelledAnswer la = LabelledAnswer.fromRecord(a);
                    if (scoreSynthetic && la.synthetic()) {
                        la = new LabelledAnswer(a, la.labels(), LabelledAnswer.Source.IMPORTED);
                    }
                    data.add(la);
                    synthetic += la.synthetic() ? 1 : 0;
                } else {
                    unlabelled++;
                }
                progress.update(r.line());
            }
            skipped = r.skipped();
        } catch (MalformedRecordException e) {
            throw new Failure(e.getMessage() + (in.skipBad ? "" : " (use --skip-bad to skip such records)"));
        } catch (IOException | UncheckedIOException e) {
            throw new Failure(in.input + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage());
        }
        if (withSeeds) {
            List<LabelledAnswer> seeds = bundledSeeds();
            data.addAll(seeds);
            synthetic += seeds.size();
        }
        return new Labelled(data, unlabelled, skipped, synthetic);
    }

    static List<LabelledAnswer> bundledSeeds() {
        InputStream in = CodeCommand.class.getResourceAsStream(SEEDS);
        if (in == null) {
            throw new Failure("--with-seeds: the bundled seed examples are not on the classpath");
        }
        List<LabelledAnswer> out = new ArrayList<>();
        try (AnswerReader r = AnswerReader.open(in, "seed-examples.jsonl", AnswerFormat.JSON_LINES, null)) {
            for (Answer a : r) {
                if (a.isLabelled()) {
                    out.add(new LabelledAnswer(a, java.util.Set.copyOf(a.themes()), LabelledAnswer.Source.SYNTHETIC));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The codebook named by {@code --codebook}: a file, the bundled one (null if absent), or none. */
    static Codebook codebook(String option) {
        try {
            return switch (option) {
                case "none" -> null;
                case "bundled" -> CodebookReader.bundled();
                default -> {
                    Path p = Path.of(option);
                    if (!Files.isRegularFile(p)) {
                        throw new Failure("--codebook: " + option + " is not a file (or say bundled, none)");
                    }
                    yield CodebookReader.read(p);
                }
            };
        } catch (IOException e) {
            throw new Failure("--codebook: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure("--codebook: " + e.getMessage());
        }
    }

    static KeywordCoder keywordCoder(Codebook cb) {
        return cb == null ? null : new KeywordCoder(cb);
    }

    static void reportLeftOut(Labelled l, PrintWriter err) {
        if (l.unlabelled() > 0) {
            err.println("note: " + l.unlabelled() + " answers without a themes field were not used (not labelled)");
        }
        if (l.skipped() > 0) {
            err.println("note: " + l.skipped() + " malformed records were skipped (listed above)");
        }
    }

    /** Runs a subcommand body, turning a {@link Failure} into its message on stderr and exit 1. */
    static int guarded(CommandLine.Model.CommandSpec spec, java.util.concurrent.Callable<Integer> body) {
        // OpenNLP's trainers log each model at INFO; outside the service that goes to stdout and would break --json
        if (org.slf4j.LoggerFactory.getLogger("opennlp") instanceof ch.qos.logback.classic.Logger opennlp) {
            opennlp.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try {
            return body.call();
        } catch (Failure e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
