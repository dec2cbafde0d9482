package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.StoredCoding;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The selected answers read from the store through a cursor, in batches of {@value #BATCH}: each batch's analyst
 * decisions in one query, so memory holds one batch, never the export. A deleted resident's answers are no longer
 * in the store, so no export can hold them.
 */
public final class StoreExportSource implements ExportSource {
    static final int BATCH = 500;

    private final Store store;
    private final AnswerRefs refs;
    private final Codebook codebook;
    private final ExportFilter filter;

    public StoreExportSource(Store store, AnswerRefs refs, Codebook codebook, ExportFilter filter) {
        this.store = store;
        this.refs = refs;
        this.codebook = codebook;
        this.filter = filter;
    }

    @Override
    public ExportFilter filter() {
        return filter;
    }

    @Override
    public List<String> segmentNames() {
        return List.copyOf(store.answerRepository().segmentNames(filter.selection()));
    }

    @Override
    public Codebook codebook() {
        return codebook;
    }

    @Override
    public java.util.Optional<Stored> stored() {
        return java.util.Optional.of(new Stored(store.answerRepository(), store.decisions()::byAnswerOf));
    }

    @Override
    public void each(Consumer<ExportRow> row) {
        QuestionnaireLabels labels = new QuestionnaireLabels(store.storedQuestionnaires().all(), filter.labels());
        store.answerRepository().eachBatch(filter.selection(), BATCH, batch -> {
            List<String> freeText = batch.stream().filter(r -> Answers.FREE_TEXT.equals(r.answer().kind()))
                    .map(AnswerRecord::id).toList();
            Map<String, List<AnalystDecision>> decided = freeText.isEmpty() ? Map.of()
                    : store.decisions().byAnswer(freeText);
            for (AnswerRecord r : batch) {
                row.accept(row(r, decided.getOrDefault(r.id(), List.of()), labels));
            }
        });
    }

    private ExportRow row(AnswerRecord r, List<AnalystDecision> ds, QuestionnaireLabels labels) {
        StoredAnswer a = r.answer();
        boolean free = Answers.FREE_TEXT.equals(a.kind());
        Object value = a.value();
        Double lat = null;
        Double lon = null;
        if (value instanceof Map<?, ?> m) { // a location (lat, lon) or a photo (file, caption): no map in a cell
            lat = m.get("lat") instanceof Number n ? n.doubleValue() : null;
            lon = m.get("lon") instanceof Number n ? n.doubleValue() : null;
            value = null;
        }
        if (free) {
            value = null; // its words are the text
        }
        StoredCoding c = r.coding();
        List<String> themes = free && (r.coded() || !ds.isEmpty())
                ? List.copyOf(Decisions.resolve(r.machineThemes(), ds)) : null;
        return new ExportRow(refs.ref(a.id()), a.respondent(), a.questionnaire(), a.version(), a.question(),
                a.round(), a.kind(), a.block(), value,
                labels.label(a.questionnaire(), a.version(), a.question(), a.kind(), a.value()),
                a.text() == null ? "" : a.text(), a.language(), c == null ? null : c.language(), a.channel(),
                a.segments(), a.receivedAt(), themes, c == null ? Map.of() : c.scores(), Decisions.reviewed(ds),
                lat, lon);
    }
}
