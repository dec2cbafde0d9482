package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.bot.service.export.ExportFilter;
import be.buurtstem.bot.service.export.ExportFormat;
import be.buurtstem.bot.service.export.ExportSource;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The REFI-QDA project as one of the export formats ({@code --format qdpx}, {@code ?format=qdpx}, the exports page),
 * beside its own route {@code /api/analyst/export/qdpx}. A project is one questionnaire's free-text answers grouped
 * by respondent, so it needs {@code questionnaire} and refuses the filters it cannot honour (version, dates,
 * language, kind, segment) with a reason rather than exporting more than was asked for; {@code labels} names the
 * language of the codes. It holds nothing: the store comes with what it is given to write
 * ({@link ExportSource#stored()}), so the command can name and check it before it opens the store.
 */
public final class QdpxFormat implements ExportFormat {
    @Override
    public String name() {
        return "qdpx";
    }

    @Override
    public String extension() {
        return ".qdpx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.refi-qda.qdpx+zip";
    }

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        writeCounted(source, out);
    }

    @Override
    public void check(ExportFilter filter) {
        checked(filter);
        codeLanguage(filter);
    }

    private static String codeLanguage(ExportFilter f) {
        String language = f.labels() == null ? "en" : f.labels();
        if (!QdpxController.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("the codes of a REFI-QDA project are named in nl, fr, en, ar or tr"
                    + " (--labels / labels=), not " + language);
        }
        return language;
    }

    @Override
    public long writeCounted(ExportSource source, OutputStream out) throws IOException {
        ExportFilter f = source.filter();
        String q = checked(f);
        String language = codeLanguage(f);
        ExportSource.Stored store = source.stored().orElseThrow(() -> new IllegalStateException(
                "a REFI-QDA project is read from the store, and these rows have none"));
        StoredQdpxSource stored = new StoredQdpxSource(store.answers(), store.decisionsOf().apply(q),
                source.codebook(), q, language);
        long[] count = {0};
        boolean[] firstPass = {true};
        QdpxExport.write(new QdpxSource() {
            @Override
            public String projectName() {
                return stored.projectName();
            }

            @Override
            public be.buurtstem.analysis.coding.Codebook codebook() {
                return stored.codebook();
            }

            @Override
            public String codeLanguage() {
                return stored.codeLanguage();
            }

            @Override
            public void eachRespondent(Consumer<RespondentAnswers> action) {
                // the project is written in several passes over the source: count the answers of the first only
                boolean counting = firstPass[0];
                firstPass[0] = false;
                stored.eachRespondent(r -> {
                    if (counting) {
                        count[0] += r.answers().size();
                    }
                    action.accept(r);
                });
            }
        }, out);
        return count[0];
    }

    private static String checked(ExportFilter f) {
        if (f.questionnaire() == null) {
            throw new IllegalArgumentException("a REFI-QDA project holds one questionnaire: name it (--questionnaire Q"
                    + " / questionnaire=Q)");
        }
        List<String> refused = new ArrayList<>();
        if (f.version() != null) {
            refused.add("version");
        }
        if (f.from() != null || f.to() != null) {
            refused.add("from/to");
        }
        if (f.language() != null) {
            refused.add("language");
        }
        if (f.kind() != null && !Set.of("free_text").contains(f.kind())) {
            refused.add("kind (it holds free text only)");
        }
        if (f.segmentField() != null) {
            refused.add("segment");
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("a REFI-QDA project holds every free-text answer of the questionnaire,"
                    + " its segments as case variables: it cannot be narrowed by " + String.join(", ", refused)
                    + " (use csv, jsonl or xlsx for that)");
        }
        return f.questionnaire();
    }
}
