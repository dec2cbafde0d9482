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
    void manyDifferentTagsAreStillNamedPastTheCachesBound() {
        for (int i = 0; i < 1500; i++) {
            String tag = "x-" + i;
            assertEquals(Locales.nativeName(tag), Locales.nativeName(tag));
        }
        assertEquals("Français", Locales.nativeName("fr"));
    }
}
