package be.buurtstem.bot.service.pages.saturation;

import org.springframework.context.MessageSource;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The page's words in the reader's language: messages with arguments, numbers and group names. */
final class SaturationTexts {
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private final MessageSource messages;
    private final Locale locale;

    SaturationTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A number with at most {@code decimals} decimals, in the reader's way of writing numbers. */
    String number(double v, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(0);
        return f.format(v);
    }

    /** A share 0..1 as a whole percentage ("40"), without the sign (the messages add it). */
    String percent(double share) {
        return number(share * 100, share > 0 && share < 0.01 ? 1 : 0);
    }

    /** A segment field's name ("Taal"), or the field id for fields the pages do not know. */
    String field(String field) {
        return messages.getMessage("saturation.field." + field, null, field, locale);
    }

    /** A group's name: language codes as the language's name in the reader's language. */
    String value(String field, String value) {
        if ("language".equals(field) && value != null && LANGUAGE_CODE.matcher(value).matches()) {
            String name = Locale.forLanguageTag(value).getDisplayLanguage(locale);
            if (!name.isBlank() && !name.equalsIgnoreCase(value)) {
                return name + " (" + value + ")";
            }
        }
        return value;
    }

    String group(String field, String value) {
        return t("saturation.group", field(field), value(field, value));
    }
}
