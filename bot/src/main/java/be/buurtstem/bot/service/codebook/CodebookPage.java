package be.buurtstem.bot.service.codebook;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.EditedCodebook;
import be.buurtstem.bot.service.coding.Learning;
import org.springframework.context.MessageSource;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the codebook page shows, built from the codebook, the counts and the coder's state. No HTTP, no store. */
final class CodebookPage {
    /** A text of a theme in one codebook language, as shown and as typed into its box. */
    record Text(String lang, String languageName, String rtl, String label, String description) {
    }

    /** One theme row. */
    record Row(String id, String name, String description, long coded, long toReview, List<Text> texts,
               List<String> splitInto, int keywords) {
    }

    /** One form field's box of the add form (a language). */
    record Merged(String from, String into, String intoName) {
    }

    /** The coder's retraining, in words. */
    record Coder(boolean running, String runningWhy, String queuedWhy, Integer lastVersion, String lastWhy,
                 Boolean lastPromoted, String lastVerdict, String lastAt, int inUse) {
    }

    private CodebookPage() {
    }

    static List<Row> rows(EditedCodebook book, Map<String, Long> coded, ThemeCounts counts, Locale locale,
                          Map<String, Map<String, String>> typed) {
        List<Row> rows = new ArrayList<>();
        String lang = locale.getLanguage();
        for (Codebook.Theme t : book.codebook().themes()) {
            Map<String, String> mine = typed.get(t.id());
            List<Text> texts = new ArrayList<>();
            for (String l : book.codebook().languages()) {
                String label = mine != null && mine.containsKey("label_" + l) ? mine.get("label_" + l)
                        : t.label().getOrDefault(l, "");
                String description = mine != null && mine.containsKey("description_" + l)
                        ? mine.get("description_" + l) : t.description().getOrDefault(l, "");
                texts.add(new Text(l, languageName(l, locale), rtl(l), label, description));
            }
            int keywords = t.keywords().values().stream().mapToInt(List::size).sum();
            rows.add(new Row(t.id(), EffectiveCodebook.inLanguage(t.label(), lang, t.id()),
                    EffectiveCodebook.inLanguage(t.description(), lang, ""), coded.getOrDefault(t.id(), 0L),
                    book.splitInto().containsKey(t.id()) ? counts.toReview(t.id()) : 0,
                    texts, book.splitInto().getOrDefault(t.id(), List.of()), keywords));
        }
        return rows;
    }

    static List<Merged> merged(EditedCodebook book, Locale locale) {
        List<Merged> out = new ArrayList<>();
        book.merged().forEach((from, into) -> {
            Codebook.Theme t = book.theme(into);
            out.add(new Merged(from, into, t == null ? into : EffectiveCodebook.inLanguage(t.label(),
                    locale.getLanguage(), into)));
        });
        out.sort(Comparator.comparing(Merged::from));
        return out;
    }

    /** The languages of the add form, with empty or typed texts. */
    static List<Text> blank(EditedCodebook book, Locale locale, Map<String, String> typed) {
        List<Text> out = new ArrayList<>();
        for (String l : book.codebook().languages()) {
            out.add(new Text(l, languageName(l, locale), rtl(l), typed.getOrDefault("label_" + l, ""),
                    typed.getOrDefault("description_" + l, "")));
        }
        return out;
    }

    static Coder coder(Learning learning, int inUse, Locale locale) {
        Learning.Trained last = learning.lastTrained();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());
        return new Coder(learning.running(), learning.runningWhy(), learning.queuedWhy(),
                last == null ? null : last.version(), last == null ? null : last.why(),
                last == null ? null : last.promoted(), last == null ? null : last.verdict(),
                last == null ? null : when.format(last.at()), inUse);
    }

    /** A language code's name in the reader's language ("Arabisch (ar)"). */
    static String languageName(String tag, Locale reader) {
        Locale l = Locale.forLanguageTag(tag);
        String name = l.getDisplayName(reader);
        return name.isBlank() || name.equalsIgnoreCase(tag) ? tag : name + " (" + tag + ")";
    }

    /** "rtl" for languages written right to left, else "auto" (the browser decides by the text). */
    static String rtl(String tag) {
        String lang = Locale.forLanguageTag(tag).getLanguage();
        return List.of("ar", "he", "fa", "ur", "ps").contains(lang) && !tag.contains("Latn") ? "rtl" : "auto";
    }

    static String message(MessageSource messages, Locale locale, CodebookForm.Problem p) {
        return messages.getMessage(p.key(), p.args().toArray(), p.key(), locale);
    }
}
