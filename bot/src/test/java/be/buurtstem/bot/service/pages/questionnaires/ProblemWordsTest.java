package be.buurtstem.bot.service.pages.questionnaires;

import be.buurtstem.engine.Problem;
import be.buurtstem.engine.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator's problems in the page's three languages: every problem code the engine gives for the usual
 * mistakes has its sentence in nl, fr and en, the sentences fill in their arguments (and keep literal braces), and
 * the questionnaires page has the same keys in all three files.
 */
class ProblemWordsTest {
    static final List<String> BROKEN = List.of(
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: q\n    kind: message\n    text:\n      nl: x\n     fr: y\n",
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: q\n\tkind: message\n",
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: q\n    kind: message\n    text: Hallo: welkom\n",
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: {nl: \"x\"\nnodes: []\n",
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: q\n    kind: slidr\n    text: x\n    next: e\n  - id: e\n    kind: end\n    text: x\n",
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: q\n    kind: singel_choice\n    text: x\n    next: e\n  - id: e\n    kind: end\n    text: x\n",
            "id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: q\n    kind: message\n    txt: x\n    next: f\n  - id: e\n    kind: end\n    text: \"Dag {naam\"\n",
            "format: 7\nid: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes: []\n",
            "format: een\nid: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes: []\n");

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void everyCodeOfTheUsualMistakesHasItsWordsInEachLanguage() {
        ResourceBundleMessageSource m = messages();
        Set<String> codes = new TreeSet<>();
        for (String yaml : BROKEN) {
            for (Problem p : Validator.check(yaml, "f.yaml")) {
                if (p.code() != null) {
                    codes.add(p.code());
                    for (String lang : List.of("nl", "fr", "en")) {
                        String words = ProblemView.words(p, m, Locale.forLanguageTag(lang));
                        assertNotNull(words);
                        assertFalse(words.equals(p.message()) && !lang.equals("en"), lang + " has no words for " + p.code());
                        assertFalse(words.matches(".*\\{\\d\\}.*"), "an argument left unfilled: " + words);
                    }
                }
            }
        }
        assertTrue(codes.containsAll(List.of("yaml.indent", "yaml.tab", "yaml.colon", "yaml.braces", "kind.unknown", "kind.unknownNear",
                "key.unknownInNode", "node.noTarget", "text.unclosedBrace", "format.newer", "format.notNumber")), codes.toString());
    }

    @Test
    void anUnknownKeyNamesTheSettingsItsKindHas() {
        // "txt" on a message: the organiser is told what a message may have, so the typo is easy to spot
        Problem p = Validator.check(BROKEN.get(6), "f.yaml").stream()
                .filter(x -> "key.unknownInNode".equals(x.code())).findFirst().orElseThrow();
        String nl = ProblemView.words(p, messages(), Locale.forLanguageTag("nl"));
        assertTrue(nl.startsWith("‘txt’ is geen instelling van een vraag van de soort message (in ‘q’). Zijn instellingen zijn: "), nl);
        assertTrue(nl.contains("text") && nl.contains("next"), nl);
        assertTrue(ProblemView.words(p, messages(), Locale.forLanguageTag("fr")).contains("Ses réglages sont : "));
        assertTrue(ProblemView.words(p, messages(), Locale.ENGLISH).contains("Its settings are: "));
    }

    @Test
    void literalBracesSurviveTheFormatting() {
        Problem p = Validator.check("id: a\nversion: 1\nlanguages: [nl]\ntitle: x\nnodes:\n  - id: e\n    kind: end\n    text: \"Dag {naam\"\n", "f.yaml")
                .stream().filter(x -> "text.unclosedBrace".equals(x.code())).findFirst().orElseThrow();
        assertTrue(ProblemView.words(p, messages(), Locale.forLanguageTag("nl")).contains("als {naam}"));
        assertTrue(ProblemView.words(p, messages(), Locale.forLanguageTag("fr")).contains("comme {nom}"));
        assertTrue(ProblemView.words(p, messages(), Locale.ENGLISH).contains("as {name}"));
    }

    @Test
    void thePageHasTheSameKeysInAllThreeLanguages() throws IOException {
        Set<String> en = keys("i18n/messages.properties");
        assertFalse(en.isEmpty());
        assertEquals(en, keys("i18n/messages_nl.properties"));
        assertEquals(en, keys("i18n/messages_fr.properties"));
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(ProblemWordsTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("questionnaires.")).collect(Collectors.toCollection(TreeSet::new));
    }
}
