package be.buurtstem.bot.service.questionnaires;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The top-level {@code version:} line of a questionnaire text: to compare texts without it, and to renumber one. */
final class Versions {
    private static final Pattern LINE = Pattern.compile("(?m)^version:[ \\t]*[^\\r\\n#]*");

    private Versions() {
    }

    /** The text with its version line blanked, so that two texts differing only in their number compare equal. */
    static String withoutVersion(String yaml) {
        return yaml == null ? "" : LINE.matcher(yaml.strip()).replaceFirst("version:");
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
