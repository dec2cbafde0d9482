package be.buurtstem.bot.service.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The WhatsApp Business Cloud API channel: {@code WHATSAPP_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID},
 * {@code WHATSAPP_APP_SECRET}, {@code WHATSAPP_VERIFY_TOKEN}, {@code WHATSAPP_API_URL}, {@code WHATSAPP_RATE} and
 * {@code WHATSAPP_TEMPLATE_<LANG>} (relaxed binding: {@code WHATSAPP_TEMPLATE_NL=name} is {@code template.nl}).
 * Off unless the first four are set.
 *
 * @param rate          messages per second to WhatsApp, for the one phone number (Cloud API default: 80)
 * @param retryBase     first back-off after a throttling answer (doubles up to a minute)
 * @param window        WhatsApp's customer-service window: free messages only this long after the resident's last
 * @param template      approved template per language, sent when the window has closed (none: nothing is sent)
 * @param mediaMaxBytes largest photo downloaded from WhatsApp (its own limit for images is 5 MB)
 * @param timeout       how long one call may take; a send with no answer in time may have been accepted
 */
@ConfigurationProperties("whatsapp")
public record WhatsAppSettings(String token, String phoneNumberId, String appSecret, String verifyToken,
                               String apiUrl, Integer rate, Duration retryBase, Duration window,
                               Map<String, String> template, Long mediaMaxBytes, Duration timeout) {
    public static final String DEFAULT_API_URL = "https://graph.facebook.com/v21.0";

    public WhatsAppSettings {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.replaceAll("/+$", "");
        rate = rate == null || rate < 1 ? 80 : rate;
        retryBase = retryBase == null ? Duration.ofSeconds(1) : retryBase;
        window = window == null ? Duration.ofHours(24) : window;
        template = template == null ? Map.of() : Map.copyOf(template);
        mediaMaxBytes = mediaMaxBytes == null ? 5L * 1024 * 1024 : mediaMaxBytes;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    public boolean enabled() {
        return present(token) && present(phoneNumberId) && present(appSecret) && present(verifyToken);
    }

    /** The approved template for a language (exact, then its base language), or null. */
    public String templateFor(String language) {
        if (language == null) {
            return null;
        }
        String lower = language.toLowerCase(Locale.ROOT);
        String t = template.get(lower);
        if (t == null && lower.contains("-")) {
            t = template.get(lower.substring(0, lower.indexOf('-')));
        }
        return t == null || t.isBlank() ? null : t;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
