package be.buurtstem.bot.service.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page text exists in Dutch, French and English, none is empty, and every {@code #{key}} a template names
 * (and every message key the accounts code hands to a page) is one of them.
 */
class PageTextsTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PageTextsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyInAllThreeLanguages() throws IOException {
        Properties en = load("messages");
        Properties nl = load("messages_nl");
        Properties fr = load("messages_fr");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(nl.stringPropertyNames()), "nl vs en");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(fr.stringPropertyNames()), "fr vs en");
        for (Properties p : new Properties[]{en, nl, fr}) {
            for (String k : p.stringPropertyNames()) {
                assertTrue(!p.getProperty(k).isBlank(), k + " is empty");
                // a text with {0} goes through MessageFormat, where a lone ' would swallow the rest
                // (a quoted brace, '{' or '{'name'}', is MessageFormat's way to show a brace and is fine)
                if (p.getProperty(k).contains("{0}")) {
                    String unquoted = p.getProperty(k).replace("''", "").replaceAll("'[^']*[{}][^']*'", "");
                    assertTrue(!unquoted.contains("'"), k + ": write ’ or ''");
                }
            }
        }
    }

    @Test
    void everyKeyATemplateOrTheAccountsCodeNamesExists() throws IOException {
        Set<String> known = load("messages").stringPropertyNames();
        Pattern inTemplate = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
        Pattern inCode = Pattern.compile("\"(accounts\\.[\\w.]+)\"");
        Set<String> missing = new TreeSet<>();
        for (Path root : new Path[]{Path.of("src/main/resources/templates"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    Matcher m = (f.toString().endsWith(".html") ? inTemplate : inCode).matcher(text);
                    while (m.find()) {
                        if (!known.contains(m.group(1))) {
                            missing.add(m.group(1) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "no text for " + missing);
    }
}
