package be.buurtstem.bot.service.conversation;

import java.util.List;
import java.util.Map;

/** The service's own short texts (outside any questionnaire), in the five languages of the neighbourhood. */
public final class SystemTexts {
    public static final List<String> LANGUAGES = List.of("nl", "fr", "ar", "tr", "en");

    private static final Map<String, Map<String, String>> TEXTS = Map.ofEntries(
            Map.entry("web_send", Map.of("nl", "Verstuur", "fr", "Envoyer", "ar", "إرسال", "tr", "Gönder", "en", "Send")),
            Map.entry("web_placeholder", Map.of("nl", "Typ uw antwoord…", "fr", "Écrivez votre réponse…",
                    "ar", "اكتب إجابتك…", "tr", "Cevabınızı yazın…", "en", "Type your answer…")),
            Map.entry("web_delete", Map.of("nl", "Wis mijn antwoorden", "fr", "Effacer mes réponses",
                    "ar", "احذف إجاباتي", "tr", "Cevaplarımı sil", "en", "Delete my answers")),
            Map.entry("web_mydata", Map.of("nl", "Mijn gegevens", "fr", "Mes données", "ar", "بياناتي",
                    "tr", "Verilerim", "en", "My data")),
            Map.entry("web_location", Map.of("nl", "📍 Mijn locatie", "fr", "📍 Ma position", "ar", "📍 موقعي",
                    "tr", "📍 Konumum", "en", "📍 My location")),
            Map.entry("choose", Map.of(
                    "nl", "Welkom! Kies een vragenlijst:",
                    "fr", "Bienvenue ! Choisissez un questionnaire :",
                    "ar", "أهلاً بك! اختر استبياناً:",
                    "tr", "Hoş geldiniz! Bir anket seçin:",
                    "en", "Welcome! Choose a questionnaire:")),
            Map.entry("none", Map.of(
                    "nl", "Er is op dit moment geen vragenlijst. Probeer het later nog eens.",
                    "fr", "Il n'y a pas de questionnaire pour le moment. Réessayez plus tard.",
                    "ar", "لا يوجد استبيان حالياً. حاول مرة أخرى لاحقاً.",
                    "tr", "Şu anda anket yok. Lütfen daha sonra tekrar deneyin.",
                    "en", "There is no questionnaire right now. Please try again later.")),
            Map.entry("deleted", Map.of(
                    "nl", "Al uw antwoorden en gegevens zijn gewist. Bedankt.",
                    "fr", "Toutes vos réponses et données ont été effacées. Merci.",
                    "ar", "تم حذف جميع إجاباتك وبياناتك. شكراً لك.",
                    "tr", "Tüm cevaplarınız ve verileriniz silindi. Teşekkürler.",
                    "en", "All your answers and data have been deleted. Thank you.")),
            Map.entry("my_data", Map.of(
                    "nl", "Dit is alles wat we over u bewaren (zonder naam of telefoonnummer):",
                    "fr", "Voici tout ce que nous conservons sur vous (sans nom ni numéro) :",
                    "ar", "هذا كل ما نحفظه عنك (بدون اسم أو رقم هاتف):",
                    "tr", "Hakkınızda sakladığımız her şey bu (isim veya telefon numarası olmadan):",
                    "en", "This is everything we keep about you (no name or phone number):")),
            Map.entry("my_data_language", Map.of("nl", "Taal", "fr", "Langue", "ar", "اللغة", "tr", "Dil", "en", "Language")),
            Map.entry("my_data_from_link", Map.of("nl", "Uit de link waarmee u begon", "fr", "Du lien par lequel vous avez commencé",
                    "ar", "من الرابط الذي بدأت منه", "tr", "Başladığınız bağlantıdan", "en", "From the link you started with")),
            Map.entry("my_data_consent", Map.of("nl", "Toestemming", "fr", "Accord", "ar", "الموافقة", "tr", "Onay",
                    "en", "Consent")),
            Map.entry("my_data_conversation", Map.of("nl", "Vragenlijst", "fr", "Questionnaire", "ar", "الاستبيان",
                    "tr", "Anket", "en", "Questionnaire")),
            Map.entry("my_data_status_active", Map.of("nl", "bezig", "fr", "en cours", "ar", "جارٍ", "tr", "devam ediyor",
                    "en", "in progress")),
            Map.entry("my_data_status_stopped", Map.of("nl", "gepauzeerd", "fr", "en pause", "ar", "متوقف مؤقتاً",
                    "tr", "ara verildi", "en", "paused")),
            Map.entry("my_data_status_completed", Map.of("nl", "afgerond", "fr", "terminé", "ar", "مكتمل", "tr", "tamamlandı",
                    "en", "completed")),
            Map.entry("my_data_status_refused", Map.of("nl", "niet meegedaan", "fr", "pas de participation",
                    "ar", "لم تتم المشاركة", "tr", "katılmadı", "en", "not taken part")),
            Map.entry("delete_kept", Map.of("nl", "Oké, we wissen niets.", "fr", "D'accord, on n'efface rien.",
                    "ar", "حسناً، لن نحذف شيئاً.", "tr", "Tamam, hiçbir şey silmiyoruz.", "en", "OK, nothing is deleted.")),
            Map.entry("my_data_empty", Map.of(
                    "nl", "We bewaren niets over u.",
                    "fr", "Nous ne conservons rien sur vous.",
                    "ar", "لا نحفظ أي شيء عنك.",
                    "tr", "Hakkınızda hiçbir şey saklamıyoruz.",
                    "en", "We keep nothing about you.")),
            Map.entry("unsupported", Map.of(
                    "nl", "Dit kan ik niet lezen. Antwoord met tekst of met de knoppen, alstublieft.",
                    "fr", "Je ne peux pas lire ceci. Répondez par un texte ou avec les boutons, s'il vous plaît.",
                    "ar", "لا أستطيع قراءة هذا. من فضلك أجب بنص أو بالأزرار.",
                    "tr", "Bunu okuyamıyorum. Lütfen yazıyla veya düğmelerle cevap verin.",
                    "en", "I can't read this. Please answer with text or the buttons.")),
            Map.entry("share_location", Map.of(
                    "nl", "📍 Locatie delen",
                    "fr", "📍 Partager la position",
                    "ar", "📍 مشاركة الموقع",
                    "tr", "📍 Konumu paylaş",
                    "en", "📍 Share location")));

    private SystemTexts() {
    }

    public static String get(String key, String language) {
        Map<String, String> byLanguage = TEXTS.get(key);
        if (byLanguage == null && key.startsWith("my_data_status_")) {
            return key.substring("my_data_status_".length());
        }
        if (byLanguage == null) {
            return engineText(key, language);
        }
        String text = byLanguage.get(base(language));
        return text != null ? text : byLanguage.get("en");
    }

    /**
     * A text the service shares with the engine (e.g. {@code welcome_back}): taken from the engine's built-in system
     * texts, so that a resident reads the same words whether the engine or the service says them.
     */
    private static String engineText(String key, String language) {
        be.buurtstem.engine.model.Text text = be.buurtstem.engine.text.SystemTexts.get().text(key);
        if (text == null) {
            throw new IllegalArgumentException("no system text " + key);
        }
        String lang = text.patterns().containsKey(base(language)) ? base(language) : "en";
        return new com.ibm.icu.text.MessageFormat(text.patterns().get(lang), com.ibm.icu.util.ULocale.forLanguageTag(lang))
                .format(Map.of());
    }

    public static String base(String language) {
        if (language == null || language.isBlank()) {
            return "";
        }
        int dash = language.indexOf('-');
        return (dash > 0 ? language.substring(0, dash) : language).toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean rightToLeft(String language) {
        return List.of("ar", "fa", "he", "ur").contains(base(language));
    }
}
