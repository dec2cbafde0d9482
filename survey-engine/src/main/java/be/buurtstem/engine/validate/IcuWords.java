package be.buurtstem.engine.validate;

import be.buurtstem.engine.Problem;

/**
 * ICU MessageFormat's complaint about a text ("Bad argument syntax: [at pattern index 1]") in words an organiser
 * can act on: what is wrong with the braces of the text, and how a placeholder is written.
 */
final class IcuWords {
    private IcuWords() {
    }

    static Problem problem(String file, int line, String what, String language, String icuMessage) {
        String m = icuMessage == null ? "" : icuMessage;
        String where = what + " in '" + language + "'";
        if (m.startsWith("Unmatched '{'")) {
            return Problem.error(file, line, where + " has a { without its closing }; write a placeholder as {name}, or remove the {",
                    "text.unclosedBrace", where);
        }
        if (m.contains("Missing 'other'")) {
            return Problem.error(file, line, where + " has a plural or choice without its 'other { ... }' case, which is needed for every other number or value",
                    "text.missingOther", where);
        }
        if (m.startsWith("Unknown format type")) {
            String type = m.replaceFirst("^Unknown format type \"?([^\"]*)\"?.*$", "$1");
            return Problem.error(file, line, where + " uses '" + type + "' after a comma inside { }, which is not a known form; use {name}, {name, plural, ...} or {name, select, ...}",
                    "text.unknownFormat", where, type);
        }
        return Problem.error(file, line, where + " has braces { } that cannot be read; a placeholder is written {name}, a plural as {count, plural, one {# thing} other {# things}}, and each { needs its }",
                "text.badBraces", where);
    }
}
