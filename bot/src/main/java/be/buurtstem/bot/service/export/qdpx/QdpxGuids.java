package be.buurtstem.bot.service.export.qdpx;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The GUIDs of a project's elements: name-based UUIDs (version 3) of what the element is ("answer:" + its id, "code:"
 * + the theme...), so that two exports of the same data are identical and an analyst's tool recognises an element it
 * imported before. They are derived from pseudonymous ids only, so they reveal nothing of a resident either.
 */
final class QdpxGuids {
    private QdpxGuids() {
    }

    static String of(String kind, String name) {
        return UUID.nameUUIDFromBytes(("buurtstem-qdpx:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String user(String name) {
        return of("user", name);
    }

    static String code(String theme) {
        return of("code", theme);
    }

    static String variable(String name) {
        return of("variable", name);
    }

    static String caseOf(String respondent) {
        return of("case", respondent);
    }

    static String source(String respondent, String questionnaire) {
        return of("source", respondent + "\u0000" + questionnaire);
    }

    static String selection(String answerId) {
        return of("selection", answerId);
    }

    static String coding(String answerId, String theme) {
        return of("coding", answerId + "\u0000" + theme);
    }
}
