package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.CodebookEdit;
import be.buurtstem.analysis.coding.EditedCodebook;
import be.buurtstem.bot.service.coding.Coders;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.store.Codebooks;
import be.buurtstem.bot.service.store.ConcurrentUpdateException;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.ThemeRelabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analysts' codebook edits, end to end: store the edit as the next codebook version (optimistic lock), do what it
 * implies in the stored answers and decisions (a merge relabels, a split marks answers for review), then mark it
 * done, use the new codebook in the coder, have saturation recount, audit it, and retrain the coder on the changed
 * themes (add, merge, split). The follow-up is idempotent and an edit not marked done (the service stopped halfway)
 * is finished at the next start ({@link #finishPending}). Knows no HTTP.
 */
public final class CodebookService {
    private static final Logger log = LoggerFactory.getLogger(CodebookService.class);

    private final Store store;
    private final Codebooks codebooks;
    private final ThemeRelabels relabels;
    private final EffectiveCodebook effective;
    private final Coders coders;
    private final DecisionStore decisions;
    private final Learning learning;
    private final SaturationService saturation;
    private final Clock clock;

    public CodebookService(Store store, EffectiveCodebook effective, Coders coders, DecisionStore decisions,
                           Learning learning, SaturationService saturation, Clock clock) {
        this.store = store;
        this.codebooks = store.codebooks();
        this.relabels = store.themeRelabels();
        this.effective = effective;
        this.coders = coders;
        this.decisions = decisions;
        this.learning = learning;
        this.saturation = saturation;
        this.clock = clock;
    }

    /** What an edit did: its codebook version, answers relabelled or marked, and whether a retraining started. */
    public record Outcome(int version, long answersChanged, long decisionsChanged, boolean retraining) {
    }

    /**
     * Stores and carries out an edit made on the page showing codebook version {@code seen}.
     *
     * @throws ConcurrentUpdateException when the codebook changed since {@code seen} (the analyst looks again)
     * @throws IllegalArgumentException  when the edit no longer fits the codebook
     */
    public synchronized Outcome apply(int seen, CodebookEdit edit, String by) {
        int now = effective.reload().editVersion();
        if (seen != now) {
            throw new ConcurrentUpdateException("the codebook is at version " + now + ", the page showed " + seen);
        }
        effective.with(edit); // throws when it does not fit
        Instant at = clock.instant();
        boolean followUp = edit instanceof CodebookEdit.Merge || edit instanceof CodebookEdit.Split;
        int version = codebooks.append(seen, edit, by, at, !followUp);
        store.durability().sync();
        long[] changed = followUp ? finish(version, edit, at) : new long[2];
        EffectiveCodebook.Current current = effective.reload();
        coders.useCodebook(current.codebook(), current.edited().merged());
        audit(version, edit, by, at, changed);
        boolean retrain = !(edit instanceof CodebookEdit.Texts);
        if (retrain) {
            learning.retrainNow(why(version, edit));
        }
        return new Outcome(version, changed[0], changed[1], retrain);
    }

    /** Finishes the edits left undone by a stop (relabelling, review marks); run at start-up. */
    public synchronized int finishPending() {
        int n = 0;
        for (Codebooks.StoredEdit e : codebooks.edits()) {
            if (!e.done()) {
                log.info("codebook version {}: finishing the {} left undone", e.version(), kind(e.edit()));
                finish(e.version(), e.edit(), e.at());
                n++;
            }
        }
        if (n > 0) {
            EffectiveCodebook.Current current = effective.reload();
            coders.useCodebook(current.codebook(), current.edited().merged());
            learning.retrainNow("codebook edits finished after a restart");
        }
        return n;
    }

    /** The edit's follow-up in the stored answers and decisions, then marked done: {answers, decisions} changed. */
    private long[] finish(int version, CodebookEdit edit, Instant at) {
        long[] changed = new long[2];
        switch (edit) {
            case CodebookEdit.Merge m -> {
                // decisions first: a code relabelled while its decision still named the old theme would count twice
                changed[1] = relabels.relabelDecisions(m.theme(), m.into());
                changed[0] = relabels.relabelCodes(m.theme(), m.into());
            }
            case CodebookEdit.Split s -> {
                Set<String> ids = relabels.answersWith(s.theme());
                // an answer an analyst decided on after the split (between a stop and this restart) stays reviewed
                Map<String, List<AnalystDecision>> ds = decisions.byAnswer(ids);
                ids.removeIf(id -> ds.getOrDefault(id, List.of()).stream().anyMatch(d -> !d.at().isBefore(at)));
                changed[0] = relabels.markForReview(ids, "split", s.theme(),
                        s.parts().stream().map(CodebookEdit.Add::theme).toList(), at);
            }
            case CodebookEdit.Add a -> { }
            case CodebookEdit.Texts t -> { }
        }
        store.durability().sync();
        codebooks.markDone(version);
        store.durability().sync();
        saturation.markDirty();
        return changed;
    }

    private void audit(int version, CodebookEdit edit, String by, Instant at, long[] changed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", version);
        d.put("theme", edit.theme());
        d.put("by", by);
        switch (edit) {
            case CodebookEdit.Add a -> d.put("languages", new ArrayList<>(a.labels().keySet()));
            case CodebookEdit.Texts t -> {
                d.put("labels", new ArrayList<>(t.labels().keySet()));
                d.put("descriptions", new ArrayList<>(t.descriptions().keySet()));
            }
            case CodebookEdit.Merge m -> {
                d.put("into", m.into());
                d.put("answers_relabelled", changed[0]);
                d.put("decisions_relabelled", changed[1]);
            }
            case CodebookEdit.Split s -> {
                d.put("into", s.parts().stream().map(CodebookEdit.Add::theme).toList());
                d.put("answers_to_review", changed[0]);
            }
        }
        store.audit("codebook_" + kind(edit), d, at);
        log.info("codebook version {}: {} {} by an analyst", version, kind(edit), edit.theme());
    }

    static String kind(CodebookEdit edit) {
        return switch (edit) {
            case CodebookEdit.Add a -> "theme_added";
            case CodebookEdit.Texts t -> "theme_texts_changed";
            case CodebookEdit.Merge m -> "themes_merged";
            case CodebookEdit.Split s -> "theme_split";
        };
    }

    /** Why the coder retrains, as the page and the audit show it. */
    static String why(int version, CodebookEdit edit) {
        return "codebook version " + version + ": " + switch (edit) {
            case CodebookEdit.Add a -> "theme " + a.theme() + " added";
            case CodebookEdit.Texts t -> "texts of " + t.theme() + " changed";
            case CodebookEdit.Merge m -> m.theme() + " merged into " + m.into();
            case CodebookEdit.Split s -> s.theme() + " split into " + String.join(", ",
                    s.parts().stream().map(CodebookEdit.Add::theme).toList());
        };
    }

    public EditedCodebook codebook() {
        return effective.current().edited();
    }

    public int version() {
        return effective.current().editVersion();
    }
}
