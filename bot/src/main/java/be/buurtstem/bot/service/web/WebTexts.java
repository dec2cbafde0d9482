package be.buurtstem.bot.service.web;

import be.buurtstem.bot.service.conversation.SystemTexts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page's own words (around the conversation), in every language the service speaks. The page receives all
 * of them in the conversation's language with every answer, so they follow a change of language at once.
 */
final class WebTexts {
    /** Keys the service already shares with other channels (kept in {@link SystemTexts}). */
    private static final Map<String, String> SHARED = Map.of("send", "web_send", "placeholder", "web_placeholder",
            "delete", "web_delete", "mydata", "web_mydata", "location", "web_location");

    private static final Map<String, Map<String, String>> TEXTS = Map.ofEntries(
            Map.entry("photo", Map.of("nl", "📷 Foto kiezen of nemen", "fr", "📷 Choisir ou prendre une photo",
                    "ar", "📷 اختر صورة أو التقطها", "tr", "📷 Fotoğraf seç veya çek", "en", "📷 Choose or take a photo")),
            Map.entry("type_place", Map.of(
                    "nl", "Uw locatie kon niet gedeeld worden. Typ de straat of de plek hieronder.",
                    "fr", "Votre position n'a pas pu être partagée. Écrivez la rue ou le lieu ci-dessous.",
                    "ar", "تعذّرت مشاركة موقعك. اكتب اسم الشارع أو المكان في الأسفل.",
                    "tr", "Konumunuz paylaşılamadı. Sokağı veya yeri aşağıya yazın.",
                    "en", "Your location could not be shared. Type the street or place below.")),
            Map.entry("sending", Map.of("nl", "wordt verstuurd…", "fr", "envoi…", "ar", "جارٍ الإرسال…",
                    "tr", "gönderiliyor…", "en", "sending…")),
            Map.entry("not_sent", Map.of("nl", "Niet verstuurd. We proberen het opnieuw zodra er verbinding is.",
                    "fr", "Pas envoyé. Nous réessayons dès que la connexion revient.",
                    "ar", "لم يُرسل. سنحاول مجدداً عند عودة الاتصال.",
                    "tr", "Gönderilmedi. Bağlantı gelince yeniden deneyeceğiz.",
                    "en", "Not sent. We will try again as soon as the connection is back.")),
            Map.entry("offline", Map.of(
                    "nl", "Geen verbinding. Uw berichten blijven bewaard en worden verstuurd zodra de verbinding terug is.",
                    "fr", "Pas de connexion. Vos messages sont gardés et seront envoyés quand la connexion reviendra.",
                    "ar", "لا يوجد اتصال. رسائلك محفوظة وسترسل عند عودة الاتصال.",
                    "tr", "Bağlantı yok. Mesajlarınız saklanıyor ve bağlantı gelince gönderilecek.",
                    "en", "No connection. Your messages are kept and will be sent when the connection is back.")),
            Map.entry("back_online", Map.of("nl", "Verbinding terug. Alles is verstuurd.",
                    "fr", "Connexion rétablie. Tout est envoyé.", "ar", "عاد الاتصال. تم إرسال كل شيء.",
                    "tr", "Bağlantı geri geldi. Her şey gönderildi.", "en", "Connection is back. Everything was sent.")),
            Map.entry("too_many", Map.of(
                    "nl", "Even rustig aan: u stuurt veel berichten kort na elkaar. We versturen het over enkele seconden.",
                    "fr", "Doucement : vous envoyez beaucoup de messages à la suite. Nous l'enverrons dans quelques secondes.",
                    "ar", "مهلاً قليلاً: أرسلت رسائل كثيرة في وقت قصير. سنرسلها بعد بضع ثوانٍ.",
                    "tr", "Biraz yavaş: kısa sürede çok mesaj gönderdiniz. Birkaç saniye sonra göndereceğiz.",
                    "en", "Easy does it: you sent many messages in a short time. We will send it in a few seconds.")),
            Map.entry("too_large", Map.of("nl", "Dit is te groot om te versturen.",
                    "fr", "C'est trop volumineux pour être envoyé.", "ar", "هذا كبير جداً ولا يمكن إرساله.",
                    "tr", "Bu gönderilemeyecek kadar büyük.", "en", "This is too large to send.")),
            Map.entry("photo_too_large", Map.of("nl", "Deze foto is te groot (maximaal {mb} MB). Kies een kleinere.",
                    "fr", "Cette photo est trop grande ({mb} Mo au maximum). Choisissez-en une plus petite.",
                    "ar", "هذه الصورة كبيرة جداً (الحد الأقصى {mb} ميغابايت). اختر صورة أصغر.",
                    "tr", "Bu fotoğraf çok büyük (en fazla {mb} MB). Daha küçük birini seçin.",
                    "en", "This photo is too large (at most {mb} MB). Please choose a smaller one.")),
            Map.entry("photo_type", Map.of("nl", "Dit is geen foto. Kies een JPEG-, PNG-, WebP- of HEIC-foto.",
                    "fr", "Ce n'est pas une photo. Choisissez une photo JPEG, PNG, WebP ou HEIC.",
                    "ar", "هذه ليست صورة. اختر صورة بصيغة JPEG أو PNG أو WebP أو HEIC.",
                    "tr", "Bu bir fotoğraf değil. JPEG, PNG, WebP veya HEIC bir fotoğraf seçin.",
                    "en", "This is not a photo. Please choose a JPEG, PNG, WebP or HEIC photo.")),
            Map.entry("language_unknown", Map.of("nl", "Die taal herken ik niet.",
                    "fr", "Je ne reconnais pas cette langue.", "ar", "لم أتعرف على هذه اللغة.",
                    "tr", "Bu dili tanımadım.", "en", "I do not recognise that language.")),
            Map.entry("choose_language", Map.of("nl", "Kies uw taal", "fr", "Choisissez votre langue",
                    "ar", "اختر لغتك", "tr", "Dilinizi seçin", "en", "Choose your language")));

    private WebTexts() {
    }

    static String get(String key, String language) {
        String shared = SHARED.get(key);
        if (shared != null) {
            return SystemTexts.get(shared, language);
        }
        Map<String, String> byLanguage = TEXTS.get(key);
        String text = byLanguage.get(SystemTexts.base(language));
        return text != null ? text : byLanguage.get("en");
    }

    /** All page words in one language. */
    static Map<String, String> all(String language) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : SHARED.keySet()) {
            out.put(key, get(key, language));
        }
        for (String key : TEXTS.keySet()) {
            out.put(key, get(key, language));
        }
        return out;
    }

    /** The keys, for the test that every language has every text. */
    static List<String> keys() {
        return List.copyOf(TEXTS.keySet());
    }

    static boolean has(String key, String language) {
        return TEXTS.get(key).containsKey(language);
    }
}
