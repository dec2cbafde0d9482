package be.buurtstem.analysis.coding;

import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's decision on one theme of one answer. Stored apart from machine codes and never overwritten by them.
 *
 * @param answerId the answer
 * @param theme    the theme decided on
 * @param action   confirm (the machine's code is right), remove (it is wrong), add (a theme the machine missed)
 * @param analyst  who decided (pseudonymous id)
 * @param at       when
 */
public record AnalystDecision(String answerId, String theme, Action action, String analyst, Instant at) {
    public enum Action { CONFIRM, REMOVE, ADD }

    public AnalystDecision {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }
}
