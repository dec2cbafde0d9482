package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.CodebookEdit;
import be.buurtstem.analysis.coding.EditedCodebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The codebook page's forms read into an edit, or the problems with them (message keys with arguments, per field),
 * every one at once. Knows no HTTP: the controller hands it the posted fields.
 */
final class CodebookForm {
    static final Pattern THEME_ID = Pattern.compile("[a-z][a-z0-9_]*");
    static final int ID_MAX = 40;
    static final int LABEL_MAX = 80;
    static final int DESCRIPTION_MAX = 300;
    /** New themes a split may make at once (the form's rows). */
    static final int SPLIT_PARTS = 3;

    /** One problem: the field it is about, a message key and its arguments. */
    record Problem(String field, String key, List<Object> args) {
        static Problem of(String field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }
    }

    /** The edit, or why there is none. */
    record Result<E extends CodebookEdit>(E edit, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private CodebookForm() {
    }

    static Result<CodebookEdit.Add> add(Map<String, String> form, EditedCodebook book) {
        List<Problem> problems = new ArrayList<>();
        String id = newId(form.get("id"), "id", book, Set.of(), problems);
        Map<String, String> labels = texts(form, "label_", book, LABEL_MAX, problems);
        Map<String, String> descriptions = texts(form, "description_", book, DESCRIPTION_MAX, problems);
        if (labels.values().stream().allMatch(String::isBlank)) {
            problems.add(Problem.of("label", "codebook.error.label.missing"));
        }
        return new Result<>(problems.isEmpty() ? new CodebookEdit.Add(id, labels, descriptions) : null, problems);
    }

    /** New names and descriptions of a theme; only the languages whose text changed are in the edit. */
    static Result<CodebookEdit.Texts> texts(String theme, Map<String, String> form, EditedCodebook book) {
        List<Problem> problems = new ArrayList<>();
        var old = book.theme(theme);
        Map<String, String> labels = texts(form, "label_", book, LABEL_MAX, problems);
        Map<String, String> descriptions = texts(form, "description_", book, DESCRIPTION_MAX, problems);
        Map<String, String> after = new LinkedHashMap<>(old.label());
        labels.forEach((l, v) -> {
            if (v.isBlank()) {
                after.remove(l);
            } else {
                after.put(l, v);
            }
        });
        if (after.isEmpty()) {
            problems.add(Problem.of("label", "codebook.error.label.keepOne"));
        }
        labels.entrySet().removeIf(e -> e.getValue().equals(old.label().getOrDefault(e.getKey(), "")));
        descriptions.entrySet().removeIf(e -> e.getValue().equals(old.description().getOrDefault(e.getKey(), "")));
        return new Result<>(problems.isEmpty() ? new CodebookEdit.Texts(theme, labels, descriptions) : null,
                problems);
    }

    static Result<CodebookEdit.Merge> merge(Map<String, String> form, EditedCodebook book) {
        List<Problem> problems = new ArrayList<>();
        String from = blankToNull(form.get("theme"));
        String into = blankToNull(form.get("into"));
        existing(from, "theme", book, problems);
        existing(into, "into", book, problems);
        if (problems.isEmpty() && from.equals(into)) {
            problems.add(Problem.of("into", "codebook.error.merge.same"));
        }
        return new Result<>(problems.isEmpty() ? new CodebookEdit.Merge(from, into) : null, problems);
    }

    /** A split: up to {@link #SPLIT_PARTS} rows of a new id and its name in the analyst's page language. */
    static Result<CodebookEdit.Split> split(String theme, Map<String, String> form, String language,
                                            EditedCodebook book) {
        List<Problem> problems = new ArrayList<>();
        List<CodebookEdit.Add> parts = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 1; i <= SPLIT_PARTS; i++) {
            String idField = "part" + i + "_id";
            String labelField = "part" + i + "_label";
            String rawId = form.getOrDefault(idField, "").strip();
            String label = form.getOrDefault(labelField, "").strip();
            if (rawId.isEmpty() && label.isEmpty()) {
                continue;
            }
            String id = newId(rawId, idField, book, taken, problems);
            if (label.isEmpty()) {
                problems.add(Problem.of(labelField, "codebook.error.label.missing"));
            } else if (label.length() > LABEL_MAX || label.contains("\n")) {
                problems.add(Problem.of(labelField, "codebook.error.text.long", LABEL_MAX));
            }
            if (id != null) {
                taken.add(id);
                parts.add(new CodebookEdit.Add(id, Map.of(language, label), Map.of()));
            }
        }
        if (parts.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of("part1_id", "codebook.error.split.none"));
        }
        return new Result<>(problems.isEmpty() ? new CodebookEdit.Split(theme, parts) : null, problems);
    }

    /** The edit version the analyst's page showed (a hidden field); -1 when missing or not a number. */
    static int seen(Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("seen", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String newId(String raw, String field, EditedCodebook book, Set<String> alsoTaken,
                                List<Problem> problems) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            problems.add(Problem.of(field, "codebook.error.id.missing"));
            return null;
        }
        if (id.length() > ID_MAX || !THEME_ID.matcher(id).matches()) {
            problems.add(Problem.of(field, "codebook.error.id.pattern", ID_MAX));
            return null;
        }
        if (book.known(id) || alsoTaken.contains(id)) {
            problems.add(Problem.of(field, "codebook.error.id.taken", id));
            return null;
        }
        return id;
    }

    private static void existing(String id, String field, EditedCodebook book, List<Problem> problems) {
        if (id == null) {
            problems.add(Problem.of(field, "codebook.error.theme.missing"));
        } else if (book.theme(id) == null) {
            problems.add(Problem.of(field, "codebook.error.theme.unknown", id));
        }
    }

    /** The texts per codebook language under {@code prefix} (a language not posted is left out). */
    private static Map<String, String> texts(Map<String, String> form, String prefix, EditedCodebook book, int max,
                                             List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : book.codebook().languages()) {
            String v = form.get(prefix + lang);
            if (v == null) {
                continue;
            }
            v = v.strip();
            if (v.length() > max || v.contains("\n") || v.contains("\r")) {
                problems.add(Problem.of(prefix + lang, "codebook.error.text.long", max));
            }
            out.put(lang, v);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
