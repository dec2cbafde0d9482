package be.buurtstem.bot.service.reminders;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one reminder, in every language the engine speaks: short, polite (u / vous / siz; Arabic in impersonal forms,
 * like the engine's texts), what happened, how to continue (any message: the conversation greets and asks the
 * question again), that nothing need be done to stop (no second reminder comes), and the words that delete the
 * answers (the engine's own command words).
 */
public final class ReminderTexts {
    public static final List<String> LANGUAGES = List.of("nl", "fr", "ar", "tr", "en");

    private static final Map<String, String> TEXTS = Map.of(
            "nl", "Goedendag! U bent begonnen aan de vragenlijst „%s”, maar u bent nog niet klaar. Uw antwoorden "
                    + "tot nu toe zijn bewaard.\n\nWilt u verder? Stuur gewoon een bericht, dan krijgt u de volgende "
                    + "vraag.\nLiever niet? Dan hoeft u niets te doen: dit is de enige herinnering. Typ „wis mijn "
                    + "antwoorden” als u alles wilt laten wissen.",
            "fr", "Bonjour ! Vous avez commencé le questionnaire « %s » sans le terminer. Vos réponses jusqu’ici sont "
                    + "gardées.\n\nVous voulez continuer ? Envoyez simplement un message et vous recevrez la question "
                    + "suivante.\nVous préférez arrêter ? Vous n’avez rien à faire : c’est le seul rappel. Écrivez "
                    + "« effacer mes réponses » pour tout faire effacer.",
            "ar", "مرحباً! الاستبيان «%s» لم يكتمل بعد. الإجابات حتى الآن محفوظة.\n\nللمتابعة يكفي إرسال أي رسالة، "
                    + "وسيأتي السؤال التالي.\nإذا لم تكن هناك رغبة في المتابعة فلا داعي لأي شيء: هذا هو التذكير "
                    + "الوحيد. لحذف كل الإجابات يُرجى كتابة «احذف إجاباتي».",
            "tr", "Merhaba! „%s” anketine başladınız ama henüz bitirmediniz. Şimdiye kadarki cevaplarınız saklandı."
                    + "\n\nDevam etmek ister misiniz? Bir mesaj göndermeniz yeterli, sıradaki soru gelir.\nİstemiyor "
                    + "musunuz? Hiçbir şey yapmanıza gerek yok: bu tek hatırlatmadır. Her şeyi sildirmek için "
                    + "„cevaplarımı sil” yazın.",
            "en", "Hello! You started the questionnaire “%s” but have not finished it yet. Your answers so far are "
                    + "kept.\n\nWould you like to go on? Just send any message and you will get the next question.\n"
                    + "Rather not? Then you need not do anything: this is the only reminder. Type “delete my answers” "
                    + "to have everything deleted.");

    private ReminderTexts() {
    }

    /** The reminder in {@code language} (its base language; else {@code fallback}'s; else Dutch). */
    public static String text(String language, String fallback, String title) {
        String pattern = TEXTS.get(base(language));
        if (pattern == null) {
            pattern = TEXTS.getOrDefault(base(fallback), TEXTS.get("nl"));
        }
        return String.format(Locale.ROOT, pattern, title);
    }

    /** The language the reminder will be in for a resident speaking {@code language}. */
    public static String languageFor(String language, String fallback) {
        if (TEXTS.containsKey(base(language))) {
            return base(language);
        }
        return TEXTS.containsKey(base(fallback)) ? base(fallback) : "nl";
    }

    private static String base(String tag) {
        return tag == null ? "" : tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
