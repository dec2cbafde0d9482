package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.engine.Input;
import be.buurtstem.engine.text.Fold;

import java.util.Set;

/**
 * What a resident types to get their map again, in each language: "mijn kaart", "ma carte", "my map", "haritam",
 * "خريطتي", or the command {@code /kaart} (also {@code /carte}, {@code /map}, {@code /harita}). Compared folded (case,
 * accents, width), the whole message only: a sentence that merely mentions a map is an answer, not a request.
 */
public final class MapWords {
    private static final Set<String> COMMANDS = Set.of("kaart", "carte", "map", "harita", "khariti", "buurtkaart");
    private static final Set<String> PHRASES = Set.of("mijn kaart", "mijn buurtkaart", "kaart", "ma carte",
            "carte", "my map", "map", "haritam", "harita", "mahalle haritam", "خريطتي", "خريطة", "خريطة حيي");

    private MapWords() {
    }

    /** A slash command's name (without the slash) that asks for the map. */
    public static boolean command(String name) {
        return COMMANDS.contains(name);
    }

    /** A typed slash command for the map ({@code /kaart}): asks for it even in the middle of a conversation. */
    public static boolean slashCommand(Input input) {
        if (!(input instanceof Input.Text t) || t.text() == null || t.text().length() > 40) {
            return false;
        }
        String s = t.text().strip().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("/") && command(s.substring(1).split("@")[0]);
    }

    /** A typed message that asks for the map. */
    public static boolean asks(Input input) {
        if (!(input instanceof Input.Text t) || t.text() == null || t.text().length() > 40) {
            return false;
        }
        String folded = Fold.key(t.text().strip().replaceAll("[!?.؟]+$", ""));
        if (folded.startsWith("/")) {
            return command(folded.substring(1));
        }
        return PHRASES.stream().anyMatch(p -> Fold.key(p).equals(folded));
    }
}
