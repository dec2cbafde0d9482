package be.buurtstem.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Respondent-context parameters (e.g. {@code area} from a deep link) declared under {@code context:}. */
class ContextParamsTest {
    private static final String YAML = """
            id: ctx
            version: 1
            languages: [nl, en]
            title: {nl: T, en: T}
            context: [area]
            nodes:
              - id: hello
                kind: message
                text: {nl: "Welkom in {area}!", en: "Welcome to {area}!"}
                routes:
                  - when: {context: area, equals: centrum}
                    goto: centre_q
                  - when: {context: area, answered: false}
                    goto: where
                next: other_q
              - id: where
                kind: free_text
                text: {nl: "In welke wijk woont u?", en: "Which part do you live in?"}
                next: other_q
              - id: centre_q
                kind: free_text
                text: {nl: "Wat mist het centrum?", en: "What does the centre lack?"}
                next: bye
              - id: other_q
                kind: free_text
                text: {nl: "Wat mist uw wijk?", en: "What does your part lack?"}
                next: bye
              - id: bye
                kind: end
                text: {nl: "Bedankt!", en: "Thank you!"}
            """;

    private static List<String> problems(String yaml) {
        return Validator.check(yaml, "ctx.yaml").stream().map(Object::toString).toList();
    }

    @Test
    void declaredContextParametersAreValidArgumentsAndConditions() {
        assertEquals(List.of(), problems(YAML));
    }

    @Test
    void undeclaredOnesAreStillReported() {
        List<String> p = problems(YAML.replace("context: [area]\n", ""));
        assertTrue(p.stream().anyMatch(s -> s.contains("argument {area} names no question")), p::toString);
        assertTrue(p.stream().anyMatch(s -> s.contains("condition names no question 'area'")), p::toString);
    }

    @Test
    void aContextParameterMayNotShareANodeIdOrBeTestedLikeText() {
        List<String> p = problems(YAML.replace("context: [area]", "context: [area, where]"));
        assertTrue(p.contains("ctx.yaml:5: context parameter 'where' has the id of a node; rename one of them"), p::toString);
        p = problems(YAML.replace("{context: area, equals: centrum}", "{context: area, contains: centrum}"));
        assertTrue(p.stream().anyMatch(s -> s.contains("context parameter 'area' is a value from the channel")), p::toString);
        p = problems(YAML.replace("context: [area]", "context: [Area-1]"));
        assertTrue(p.stream().anyMatch(s -> s.contains("context parameter 'Area-1' must match")), p::toString);
    }

    @Test
    void aDeepLinkAreaIsShownAndRoutes() {
        Conversation c = new Conversation(QuestionnaireLoader.parse(YAML, "ctx.yaml").questionnaire());
        Turn t = c.start("nl", new RespondentContext("telegram", Map.of("area", "centrum")), Fixtures.T0);
        assertEquals("Welkom in centrum!", t.messages().get(0).text());
        assertEquals("centre_q", t.state().node());

        t = c.start("en", new RespondentContext("web", Map.of("area", "Noord")), Fixtures.T0);
        assertTrue(t.messages().get(0).text().contains("Noord"));
        assertEquals("other_q", t.state().node());

        t = c.start("en", RespondentContext.of("web"), Fixtures.T0);
        assertEquals("where", t.state().node(), "no area in the link: ask for it");
        // The context parameter is never recorded as an answer.
        t = c.reply(t.state(), Input.text("Noord"), Fixtures.T0);
        assertEquals(List.of("where"), t.state().answers().stream().map(Answer::questionId).toList());
    }
}
