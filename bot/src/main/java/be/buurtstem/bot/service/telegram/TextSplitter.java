package be.buurtstem.bot.service.telegram;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a text longer than Telegram's limit at sentence boundaries (then at words, then anywhere). */
public final class TextSplitter {
    public static final int TELEGRAM_LIMIT = 4096;

    private TextSplitter() {
    }

    public static List<String> split(String text, int limit, String language) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        if (text.length() <= limit) {
            return List.of(text);
        }
        Locale locale = language == null ? Locale.ROOT : Locale.forLanguageTag(language);
        List<String> pieces = new ArrayList<>();
        for (String sentence : units(text, BreakIterator.getSentenceInstance(locale))) {
            if (sentence.length() <= limit) {
                pieces.add(sentence);
                continue;
            }
            for (String word : units(sentence, BreakIterator.getWordInstance(locale))) {
                for (int i = 0; i < word.length(); i += limit) {
                    int end = Math.min(word.length(), i + limit);
                    if (end < word.length() && Character.isHighSurrogate(word.charAt(end - 1))) {
                        end--;
                    }
                    pieces.add(word.substring(i, end));
                    i = end - limit;
                }
            }
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() + piece.length() > limit) {
                chunks.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString().strip());
        }
        chunks.removeIf(String::isEmpty);
        return chunks;
    }

    private static List<String> units(String text, BreakIterator it) {
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }
}
