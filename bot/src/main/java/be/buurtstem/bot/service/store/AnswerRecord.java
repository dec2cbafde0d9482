package be.buurtstem.bot.service.store;

import java.util.List;

/** A stored answer with its machine coding ({@code coding} null: not coded yet), as read from {@code answers}. */
public record AnswerRecord(StoredAnswer answer, StoredCoding coding) {
    public String id() {
        return answer.id();
    }

    public boolean coded() {
        return coding != null;
    }

    /** The themes the machine coded, strongest first (none when not coded). */
    public List<String> machineThemes() {
        return coding == null ? List.of() : coding.themes();
    }
}
