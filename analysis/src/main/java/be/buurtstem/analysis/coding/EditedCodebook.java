package be.buurtstem.analysis.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codebook in use: the bundled one with the analysts' edits applied in order. Pure. Keeps, besides the themes,
 * where merged themes went ({@link #canonical}) and which theme each split theme came from, so that a code written
 * before an edit (an old model version, an export of last year) is still read right.
 *
 * @param codebook its themes (merged ones gone), version = the bundled version + edits applied
 * @param merged   theme merged away → the theme it lives on in (followed to the end of a chain)
 * @param splitInto theme → the themes split off from it
 */
public record EditedCodebook(Codebook codebook, Map<String, String> merged, Map<String, List<String>> splitInto) {
    public EditedCodebook {
        merged = Map.copyOf(merged);
        splitInto = Map.copyOf(splitInto);
    }

    /** Applies {@code edits} over {@code bundled}; an edit that no longer fits (unknown theme) is a programming error. */
    public static EditedCodebook apply(Codebook bundled, List<CodebookEdit> edits) {
        Map<String, Codebook.Theme> themes = new LinkedHashMap<>();
        bundled.themes().forEach(t -> themes.put(t.id(), t));
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, List<String>> split = new LinkedHashMap<>();
        for (CodebookEdit e : edits) {
            switch (e) {
                case CodebookEdit.Add a -> add(themes, merged, a);
                case CodebookEdit.Texts t -> {
                    Codebook.Theme old = existing(themes, t.theme());
                    themes.put(old.id(), new Codebook.Theme(old.id(), overlay(old.label(), t.labels()),
                            overlay(old.description(), t.descriptions()), old.keywords()));
                }
                case CodebookEdit.Merge m -> {
                    Codebook.Theme from = existing(themes, m.theme());
                    Codebook.Theme into = existing(themes, m.into());
                    if (from.id().equals(into.id())) {
                        throw new IllegalArgumentException("a theme cannot be merged into itself: " + from.id());
                    }
                    themes.put(into.id(), new Codebook.Theme(into.id(), into.label(), into.description(),
                            unionKeywords(into.keywords(), from.keywords())));
                    themes.remove(from.id());
                    merged.replaceAll((k, v) -> v.equals(from.id()) ? into.id() : v);
                    merged.put(from.id(), into.id());
                    List<String> parts = split.remove(from.id());
                    if (parts != null) {
                        split.computeIfAbsent(into.id(), k -> new ArrayList<>()).addAll(parts);
                    }
                }
                case CodebookEdit.Split s -> {
                    existing(themes, s.theme());
                    for (CodebookEdit.Add part : s.parts()) {
                        add(themes, merged, part);
                        split.computeIfAbsent(s.theme(), k -> new ArrayList<>()).add(part.theme());
                    }
                }
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        split.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new EditedCodebook(new Codebook(bundled.version() + edits.size(), bundled.languages(),
                List.copyOf(themes.values())), merged, frozen);
    }

    /** The theme a code names today: itself, or the theme it was merged into. */
    public String canonical(String theme) {
        return merged.getOrDefault(theme, theme);
    }

    /** Whether a theme id was ever used (in the codebook now, or merged away): a new theme may not take it. */
    public boolean known(String theme) {
        return merged.containsKey(theme) || codebook.themeIds().contains(theme);
    }

    public Codebook.Theme theme(String id) {
        for (Codebook.Theme t : codebook.themes()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    private static void add(Map<String, Codebook.Theme> themes, Map<String, String> merged, CodebookEdit.Add a) {
        if (themes.containsKey(a.theme()) || merged.containsKey(a.theme())) {
            throw new IllegalArgumentException("theme " + a.theme() + " exists already");
        }
        themes.put(a.theme(), new Codebook.Theme(a.theme(), overlay(Map.of(), a.labels()),
                overlay(Map.of(), a.descriptions()), Map.of()));
    }

    private static Codebook.Theme existing(Map<String, Codebook.Theme> themes, String id) {
        Codebook.Theme t = themes.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no theme " + id + " in the codebook");
        }
        return t;
    }

    private static Map<String, String> overlay(Map<String, String> old, Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>(old);
        changes.forEach((lang, text) -> {
            if (text == null || text.isBlank()) {
                out.remove(lang);
            } else {
                out.put(lang, text.strip());
            }
        });
        return out;
    }

    private static Map<String, List<String>> unionKeywords(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        a.forEach((lang, words) -> out.computeIfAbsent(lang, k -> new LinkedHashSet<>()).addAll(words));
        b.forEach((lang, words) -> out.computeIfAbsent(lang, k -> new LinkedHashSet<>()).addAll(words));
        Map<String, List<String>> lists = new LinkedHashMap<>();
        out.forEach((lang, words) -> lists.put(lang, List.copyOf(words)));
        return lists;
    }
}
