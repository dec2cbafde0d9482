package be.buurtstem.bot.cli;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;
import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.export.ExportFilter;
import be.buurtstem.bot.service.export.ExportFormat;
import be.buurtstem.bot.service.export.ExportFormats;
import be.buurtstem.bot.service.export.ExportParameters;
import be.buurtstem.bot.service.export.ExportRequest;
import be.buurtstem.bot.service.export.Exporter;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.Durability;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoreConnection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code export}: every stored answer that the filters select, in a registered format, read from the configured
 * database ({@code MONGODB_URI}, else the embedded store in the data folder, which only one process opens at a time:
 * stop {@code serve} first, or run {@code db} and point both at it).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export stored answers (every question kind, with themes, scores and the analysts' review) "
                + "from the configured database: MONGODB_URI, else the embedded store in BUURTSTEM_DATA_DIR or ./data "
                + "(stop serve first: the embedded store is opened by one process at a time).",
                "Only pseudonymous ids; deleted residents are not in the store, so not in the file."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "F", description = "csv, jsonl, xlsx or qdpx (a REFI-QDA project of one questionnaire)")
    String format;
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "file to write (replaced)")
    Path output;
    @Option(names = "--questionnaire", paramLabel = "Q", description = "only this questionnaire")
    String questionnaire;
    @Option(names = "--version", paramLabel = "V", description = "only this questionnaire version (a number)")
    String version;
    @Option(names = "--from", paramLabel = "D", description = "received on or after: 2026-03-01 or 2026-03-01T10:00:00Z")
    String from;
    @Option(names = "--to", paramLabel = "D", description = "received up to: 2026-03-31 (that whole day) or an instant (excluded)")
    String to;
    @Option(names = "--language", paramLabel = "L", description = "only answers given in this language")
    String language;
    @Option(names = "--kind", paramLabel = "K", description = "only this question kind, e.g. free_text")
    String kind;
    @Option(names = "--segment", paramLabel = "FIELD=VALUE", description = "only residents with this segment value, e.g. area=noord")
    String segment;
    @Option(names = "--labels", paramLabel = "LANG", description = "language of the option labels (default: each questionnaire's default language)")
    String labels;
    @Option(names = "--data", paramLabel = "DIR", description = "data folder; default BUURTSTEM_DATA_DIR or ./data")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportFormats formats = ExportFormats.offered();
        ExportFormat f;
        ExportFilter filter;
        switch (ExportRequest.of(formats, new ExportParameters(format, questionnaire, version, from, to, language,
                kind, segment, labels))) {
            case ExportRequest.Refused refused ->
                    throw new CommandLine.ParameterException(spec.commandLine(), refused.message());
            case ExportRequest.Ready ready -> {
                f = ready.format();
                filter = ready.filter();
            }
        }
        Path dir = (data != null ? data : Path.of(envOr("BUURTSTEM_DATA_DIR", "./data"))).toAbsolutePath().normalize();
        String uri = System.getenv("MONGODB_URI");
        quietLibraryLogs();
        EmbeddedMongo embedded = null;
        StoreConnection client = null;
        long written;
        try {
            if (uri == null || uri.isBlank()) {
                if (!Files.exists(dir.resolve("buurtstem.mv.db"))) {
                    err.println("export: no database in " + dir + " (set BUURTSTEM_DATA_DIR, --data or MONGODB_URI)");
                    err.flush();
                    return 1;
                }
                embedded = EmbeddedMongo.open(dir);
                uri = embedded.connectionString();
            }
            // as serve: the embedded server answers the driver's heartbeat late while it sorts a large export
            client = StoreConnection.reader(uri, "buurtstem-export");
            Store store = client.store(envOr("BUURTSTEM_DATABASE", "buurtstem"), Durability.EXTERNAL);
            RespondentIds ids = RespondentIds.load(System.getenv("BUURTSTEM_SECRET"), dir);
            // the codebook as analysts left it: the bundled one with the stored edits (renames, merges, splits)
            Codebook codebook = new be.buurtstem.bot.service.codebook.EffectiveCodebook(CodebookReader.bundled(),
                    store.codebooks()).current().codebook();
            Exporter exporter = new Exporter(store, AnswerRefs.from(ids), () -> codebook, formats);
            written = write(exporter, f, filter);
        } catch (IOException | RuntimeException e) {
            deleteQuietly();
            err.println("export: " + reason(e));
            err.flush();
            return 1;
        } finally {
            if (client != null) {
                client.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
        out.println("export: " + written + " answers written to " + output);
        out.flush();
        return 0;
    }

    private long write(Exporter exporter, ExportFormat f, ExportFilter filter) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            return exporter.export(f, filter, os);
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(output); // no half file with residents' answers left behind
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("locked") || m.contains("Locked") || m.contains("in use"))) {
                return "the data folder is in use (is serve running? stop it, or run db and set MONGODB_URI)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void quietLibraryLogs() {
        for (String name : new String[] {"de.bwaldvogel", "org.h2", "org.mongodb.driver", "org.apache.poi"}) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
        if (org.slf4j.LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")
                instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
