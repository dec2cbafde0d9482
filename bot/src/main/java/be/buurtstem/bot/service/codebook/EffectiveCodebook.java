package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookEdit;
import be.buurtstem.analysis.coding.EditedCodebook;
import be.buurtstem.bot.service.store.Codebooks;

import java.util.List;
import java.util.Locale;

/**
 * The codebook the service uses: the bundled one ({@code content/codebook.yaml}) with the analysts' stored edits
 * ({@link Codebooks}) applied in order. The coder, the analysts' pages and the exports read it here, so that a
 * theme's name, description and merges are the same everywhere. Thread-safe: a reload swaps one immutable value.
 */
public final class EffectiveCodebook {
    /** The codebook with the number of the last edit applied to it (0: none). */
    public record Current(EditedCodebook edited, int editVersion) {
        public Codebook codebook() {
            return edited.codebook();
        }
    }

    private final Codebook bundled;
    private final Codebooks stored;
    private volatile Current current;

    public EffectiveCodebook(Codebook bundled, Codebooks stored) {
        this.bundled = bundled;
        this.stored = stored;
        reload();
    }

    public Current current() {
        return current;
    }

    /** Reads the stored edits again (after an edit, here or by another instance). */
    public synchronized Current reload() {
        List<Codebooks.StoredEdit> edits = stored.edits();
        List<CodebookEdit> applied = edits.stream().map(Codebooks.StoredEdit::edit).toList();
        current = new Current(EditedCodebook.apply(bundled, applied),
                edits.isEmpty() ? 0 : edits.getLast().version());
        return current;
    }

    /** What the codebook would be with one more edit (to check it fits before it is stored). */
    public EditedCodebook with(CodebookEdit edit) {
        List<CodebookEdit> applied = new java.util.ArrayList<>(stored.edits().stream()
                .map(Codebooks.StoredEdit::edit).toList());
        applied.add(edit);
        return EditedCodebook.apply(bundled, applied);
    }

    /** The theme a code names today: itself, or the theme it was merged into. */
    public String canonical(String theme) {
        return current.edited().canonical(theme);
    }

    /**
     * A theme's name for a reader of {@code language}: in that language, else English, Dutch, any; the id when it
     * has none (or is unknown).
     */
    public String label(String theme, String language) {
        Codebook.Theme t = current.edited().theme(canonical(theme));
        return t == null ? theme : inLanguage(t.label(), language, theme);
    }

    static String inLanguage(java.util.Map<String, String> texts, String language, String otherwise) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        for (String l : List.of(lang, "en", "nl")) {
            String v = texts.get(l);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return texts.values().stream().filter(v -> !v.isBlank()).findFirst().orElse(otherwise);
    }
}
