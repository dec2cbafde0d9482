package be.buurtstem.bot.service.pages.reach;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The two ways in for one questionnaire and one area (or segment value): the web chat link
 * ({@code BASE/chat/ID?area=noord}, read by the web chat) and the Telegram deep link
 * ({@code https://t.me/BOT?start=ID__area-noord}, read by the conversation's {@code /start} payload).
 * A Telegram start parameter holds at most 64 of A–Z, a–z, 0–9, "_" and "-": a value outside that gets no Telegram
 * link (the page says why), only a web chat link.
 */
public record ReachLinks(String web, String telegram, String telegramProblem) {
    static final Pattern TELEGRAM_START = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * @param base  the web chat's public address without a trailing slash ({@code https://buurtstem.example.be})
     * @param bot   the bot's username without "@", or null when unknown (then no Telegram link)
     * @param field the segment field ({@code area}), null for a link without one
     * @param value its value ({@code noord}), null for a link without one
     */
    public static ReachLinks of(String base, String bot, String questionnaire, String field, String value) {
        boolean segment = field != null && value != null;
        String web = base + "/chat/" + questionnaire
                + (segment ? "?" + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) : "");
        if (bot == null || bot.isBlank()) {
            return new ReachLinks(web, null, "reach.telegram.noBot");
        }
        String start = questionnaire + (segment ? "__" + field + "-" + value : "");
        if (!TELEGRAM_START.matcher(start).matches()) {
            return new ReachLinks(web, null, start.length() > 64 ? "reach.telegram.tooLong" : "reach.telegram.letters");
        }
        return new ReachLinks(web, "https://t.me/" + bot + "?start=" + start, null);
    }

    /** The web link as written on a poster: without "https://" (a phone's browser adds it). */
    public String shortWeb() {
        return web.replaceFirst("^https?://", "");
    }
}
