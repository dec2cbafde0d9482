package be.buurtstem.bot.service.questionnaires;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The top-level {@code version:} line of a questionnaire text: to compare texts without it, and to renumber one. */
final class Versions {
    private static final Pattern LINE = Pattern.compile("(?m)^version:[ \\t]*[^\\r\\n#]*");
    /** {@code format: 1} says what a file without the line means: the bundled files gained it, their meaning did not change. */
    private static final Pattern FORMAT_ONE = Pattern.compile("(?m)^format:[ \\t]*1[ \\t]*(#[^\\r\\n]*)?(\\r?\\n|$)");

    private Versions() {
    }

    /**
     * The text with its version line blanked and a {@code format: 1} line left out, so that two texts differing only in
     * their number (or in saying the format every file without the line has) compare equal: a deployment that stored
     * a bundled questionnaire before it said {@code format: 1} keeps serving that version instead of a copy.
     */
    static String withoutVersion(String yaml) {
        return yaml == null ? "" : LINE.matcher(FORMAT_ONE.matcher(yaml.strip()).replaceFirst("")).replaceFirst("version:");
    }

    /** The text with its version line saying {@code version}; empty when it has no plain {@code version: N} line. */
    static Optional<String> renumber(String yaml, int version) {
        Matcher m = LINE.matcher(yaml);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(yaml.substring(0, m.start()) + "version: " + version + yaml.substring(m.end()));
    }
}
