package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.text.AnalyzedText;

import java.util.Set;

/** A theme coder: pure, thread-safe, multi-label. */
public interface ThemeCoder {
    /** A short stable id, e.g. {@code keyword}, {@code doccat}, {@code combined}. */
    String id();

    /** The version of what the coder knows, e.g. {@code codebook-1} or {@code model-3}. */
    String version();

    /** The themes this coder can code. */
    Set<String> themes();

    Coding code(AnalyzedText text);
}
