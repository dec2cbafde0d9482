package be.buurtstem.analysis.coding;

import java.util.List;
import java.util.Map;

/**
 * One analyst's change to the codebook, applied over the bundled one in the order made ({@link EditedCodebook}).
 * Theme ids never change: a rename changes labels only, so past codes and model versions keep meaning the same.
 */
public sealed interface CodebookEdit {
    /** The theme the edit is about (for a merge: the one merged away). */
    String theme();

    /** A new theme, with its labels and descriptions per language and no seed keywords. */
    record Add(String theme, Map<String, String> labels, Map<String, String> descriptions) implements CodebookEdit {
        public Add {
            labels = Map.copyOf(labels);
            descriptions = Map.copyOf(descriptions);
        }
    }

    /** New labels and descriptions of a theme; a language left out keeps its text, an empty text removes it. */
    record Texts(String theme, Map<String, String> labels, Map<String, String> descriptions) implements CodebookEdit {
        public Texts {
            labels = Map.copyOf(labels);
            descriptions = Map.copyOf(descriptions);
        }
    }

    /** {@code theme} goes into {@code into}: its keywords join the other's, its past codes are relabelled. */
    record Merge(String theme, String into) implements CodebookEdit {
    }

    /**
     * New themes carved out of {@code theme}, which stays: its past codes stay with it until an analyst has looked at
     * them again (those answers are marked for the review queue).
     */
    record Split(String theme, List<Add> parts) implements CodebookEdit {
        public Split {
            parts = List.copyOf(parts);
        }
    }
}
