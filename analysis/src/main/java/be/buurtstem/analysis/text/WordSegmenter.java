package be.buurtstem.analysis.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * ICU word segmentation (UAX #29 with ICU's dictionaries): words and numbers are kept, spaces, punctuation and
 * symbols (emoji) are dropped. {@code 3la} and {@code l7ay} stay one word. Thread-safe (one iterator per thread).
 */
public final class WordSegmenter {
    private static final ThreadLocal<BreakIterator> WORDS = ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));

    private WordSegmenter() {
    }

    /** The words of {@code text}; {@code language} is accepted for future per-language rules (ICU's root rules serve all five). */
    public static List<String> words(String text, String language) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        BreakIterator it = WORDS.get();
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (it.getRuleStatus() >= BreakIterator.WORD_NUMBER) {
                String w = text.substring(start, end);
                // ICU keeps a word-internal apostrophe ("aujourd'hui", "don't"); trailing ones are dropped
                out.add(w);
            }
        }
        return out;
    }
}
