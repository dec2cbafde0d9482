package be.buurtstem.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The problems an organiser most often makes, each reported once, on the line to change, in words that say what
 * to do: no parser jargon ("expected &lt;block end&gt;"), no follow-on messages, no "[at pattern index 18]".
 */
class PlainProblemsTest {
    private static final String GOOD = """
            id: proef
            version: 1
            languages: [nl, en]
            title: {nl: "Proef", en: "Trial"}
            start: welcome
            nodes:
              - id: welcome
                kind: message
                text:
                  nl: "Hallo"
                  en: "Hello"
                next: wish
              - id: wish
                kind: free_text
                text: {nl: "Wat wens je?", en: "What do you wish?"}
                next: bye
              - id: bye
                kind: end
                text: {nl: "Dank", en: "Thanks"}
            """;

    private static List<Problem> check(String yaml) {
        return Validator.check(yaml, "f.yaml");
    }

    private static void assertPlain(List<Problem> problems) {
        for (Problem p : problems) {
            assertFalse(p.message().matches(".*(<block|expected <|pattern index|scalar|YAML syntax).*"), p.toString());
        }
    }

    @Test
    void theGoodFileIsValid() {
        assertEquals(List.of(), check(GOOD));
    }

    @Test
    void aWronglyIndentedLineSaysWhichLineToIndentLike() {
        List<Problem> p = check(GOOD.replace("      en: \"Hello\"", "     en: \"Hello\""));
        assertEquals(1, p.size(), p::toString);
        assertEquals("f.yaml:11: this line is indented differently from the one above (5 spaces, line 10 has 6); "
                + "indent it like line 10, or like the line further up it belongs to", p.get(0).toString());
        assertEquals("yaml.indent", p.get(0).code());
        assertEquals(List.of("5", "10", "6"), p.get(0).args());
    }

    @Test
    void oneWrongKindGivesOneMessageNamingTheKinds() {
        List<Problem> p = check(GOOD.replace("kind: free_text", "kind: freetext"));
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).toString().startsWith("f.yaml:14: unknown node kind 'freetext' in node 'wish'; did you mean 'free_text'?"), p::toString);
        assertTrue(p.get(0).message().contains("message, consent, language, single_choice"), p::toString);

        List<Problem> far = check(GOOD.replace("kind: free_text", "kind: slider"));
        assertEquals(1, far.size(), far::toString);
        assertEquals("kind.unknown", far.get(0).code());
    }

    @Test
    void aColonInsideATextSaysToQuoteIt() {
        List<Problem> p = check(GOOD.replace("nl: \"Hallo\"", "nl: Hallo: welkom"));
        assertEquals(1, p.size(), p::toString);
        assertEquals(10, p.get(0).line());
        assertTrue(p.get(0).message().contains("put the whole text in double quotes"), p::toString);
        assertPlain(p);
    }

    @Test
    void aTabAndAnUnclosedQuoteAreNamed() {
        List<Problem> tab = check(GOOD.replace("    kind: message", "\tkind: message"));
        assertEquals("yaml.tab", tab.get(0).code(), tab::toString);
        assertEquals(8, tab.get(0).line());
        List<Problem> quote = check(GOOD.replace("nl: \"Hallo\"", "nl: \"Hallo"));
        assertTrue(quote.get(0).message().contains("closing quote"), quote::toString);
        assertEquals(10, quote.get(0).line());
        assertPlain(tab);
        assertPlain(quote);
    }

    @Test
    void aBrokenPlaceholderSaysHowToWriteOne() {
        List<Problem> p = check(GOOD.replace("\"Dank\"", "\"Dank {naam\"").replace("\"Thanks\"", "\"Thanks {}\""));
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.stream().anyMatch(x -> x.message().startsWith("text of 'bye' in 'nl' has a { without its closing }")), p::toString);
        assertTrue(p.stream().anyMatch(x -> x.message().startsWith("text of 'bye' in 'en' has braces { } that cannot be read; a placeholder is written {name}")), p::toString);
        for (Problem x : p) {
            assertFalse(x.message().contains("pattern index"), x.toString());
            assertFalse(x.message().contains("ICU"), x.toString());
        }
    }
}
