package be.buurtstem.bot.service.buurtkaart;

import java.util.Map;

/**
 * The pictures' own words, in the five languages of the neighbourhood. Everything the questionnaire already says
 * (domain names, the rings, the arrows, the colours) comes from its option labels instead ({@link MapLegend}).
 */
final class MapTexts {
    private static final Map<String, Map<String, String>> TEXTS = Map.ofEntries(
            Map.entry("home", Map.of("nl", "Thuis", "fr", "Chez moi", "ar", "بيتي", "tr", "Evim", "en", "Home")),
            Map.entry("rings", Map.of(
                    "nl", "Ringen, van binnen naar buiten:",
                    "fr", "Cercles, de l’intérieur vers l’extérieur :",
                    "ar", "الدوائر، من الداخل إلى الخارج:",
                    "tr", "Halkalar, içeriden dışarıya:",
                    "en", "Rings, from the inside out:")),
            Map.entry("influence", Map.of(
                    "nl", "Dikke lijn: veel invloed in de buurt",
                    "fr", "Trait épais : beaucoup d’influence dans le quartier",
                    "ar", "خط سميك: تأثير كبير في الحي",
                    "tr", "Kalın çizgi: mahallede çok etkili",
                    "en", "Thick line: a lot of influence in the neighbourhood")),
            Map.entry("empty", Map.of(
                    "nl", "Uw kaart heeft nog geen namen.",
                    "fr", "Votre carte n’a pas encore de noms.",
                    "ar", "خريطتك فارغة حتى الآن.",
                    "tr", "Haritanızda henüz kimse yok.",
                    "en", "Your map has no names yet.")),
            Map.entry("caption", Map.of(
                    "nl", "Uw buurtkaart. Hij is van u. Typ ‘mijn kaart’ om hem later nog eens te krijgen.",
                    "fr", "Votre carte du quartier. Elle est à vous. Écrivez « ma carte » pour la recevoir à nouveau.",
                    "ar", "خريطة حيّك. هي ملكك. اكتب «خريطتي» لتحصل عليها مرة أخرى.",
                    "tr", "Mahalle haritanız. Harita sizindir. Tekrar almak için ‘haritam’ yazın.",
                    "en", "Your neighbourhood map. It is yours. Type ‘my map’ to get it again.")),
            Map.entry("no_map", Map.of(
                    "nl", "Er is nog geen buurtkaart van u. Begin met /start en kies ‘Mijn buurtkaart’.",
                    "fr", "Vous n’avez pas encore de carte du quartier. Commencez par /start et choisissez « Ma carte du quartier ».",
                    "ar", "ليست لديك خريطة للحي بعد. ابدأ بـ /start واختر «خريطة حيّي».",
                    "tr", "Henüz mahalle haritanız yok. /start yazın ve ‘Mahalle haritam’ı seçin.",
                    "en", "You have no neighbourhood map yet. Start with /start and choose ‘My neighbourhood map’.")),
            Map.entry("shared_title", Map.of(
                    "nl", "De buurt volgens haar bewoners",
                    "fr", "Le quartier vu par ses habitants",
                    "ar", "الحي كما يراه سكانه",
                    "tr", "Sakinlerinin gözünden mahalle",
                    "en", "The neighbourhood as its residents see it")),
            Map.entry("shared_residents", Map.of(
                    "nl", "kaarten van bewoners", "fr", "cartes d’habitants", "ar", "خرائط السكان",
                    "tr", "sakin haritası", "en", "residents’ maps")),
            Map.entry("shared_people", Map.of(
                    "nl", "mensen (geteld, nooit bij naam)", "fr", "personnes (comptées, jamais nommées)",
                    "ar", "أشخاص (نعدّهم ولا نذكر أسماءهم)", "tr", "kişi (sayılır, adı yazılmaz)",
                    "en", "people (counted, never named)")),
            Map.entry("shared_bridges", Map.of(
                    "nl", "brugfiguren", "fr", "personnes-relais", "ar", "أشخاص يجمعون الناس",
                    "tr", "köprü kişi", "en", "bridge figures")),
            Map.entry("shared_places", Map.of(
                    "nl", "Plekken en organisaties genoemd door minstens {0} bewoners; (3) = door 3 bewoners genoemd",
                    "fr", "Lieux et organisations cités par au moins {0} habitants ; (3) = cité par 3 habitants",
                    "ar", "أماكن وجمعيات ذكرها {0} من السكان على الأقل؛ (3) = ذكرها 3 من السكان",
                    "tr", "En az {0} sakinin andığı yerler ve kurumlar; (3) = 3 sakin andı",
                    "en", "Places and organisations named by at least {0} residents; (3) = named by 3 residents")),
            Map.entry("shared_none", Map.of(
                    "nl", "Nog geen kaarten.", "fr", "Pas encore de cartes.", "ar", "لا توجد خرائط بعد.",
                    "tr", "Henüz harita yok.", "en", "No maps yet.")));

    private MapTexts() {
    }

    static String get(String key, String language) {
        Map<String, String> t = TEXTS.get(key);
        String base = language == null ? "nl" : language.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
        return t.getOrDefault(base, t.get("en"));
    }
}
