package be.buurtstem.engine.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalesTest {
    @Test
    void aLanguageIsNamedInItselfAndTheSameNameComesBackFromTheCache() {
        List<String> tags = List.of("nl", "fr", "ar", "tr", "en", "nl-BE");
        List<String> first = tags.stream().map(Locales::nativeName).toList();
        assertEquals(List.of("Nederlands", "Français", "العربية", "Türkçe", "English", "Nederlands (België)"), first);
        assertEquals(first, tags.stream().map(Locales::nativeName).toList());
    }

    @Test
    void pastTheCachesBoundALanguageIsStillNamedInItself() {
        for (int i = 0; i < 1500; i++) {
            Locales.nativeName("x-" + i); // fills the cache past its bound with tags no other test asks for
        }
        assertEquals("Deutsch", Locales.nativeName("de"), "computed, not cached, after the bound");
        assertEquals("Deutsch", Locales.nativeName("de"));
    }
}
