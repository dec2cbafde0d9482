package be.buurtstem.bot.cli.play;

import be.buurtstem.engine.Button;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Turn;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a conversation for the terminal: bot lines, numbered options, resident lines. Options are numbered so
 * that typing the number presses the button, as in a text-only channel.
 */
public final class Transcript {
    /** RIGHT-TO-LEFT ISOLATE and POP DIRECTIONAL ISOLATE. */
    private static final String RLI = "\u2067";
    private static final String PDI = "\u2069";

    private final PrintWriter out;
    private final boolean events;

    public Transcript(PrintWriter out, boolean events) {
        this.out = out;
        this.events = events;
    }

    public void turn(Turn turn, String language) {
        for (OutboundMessage m : turn.messages()) {
            List<String> lines = m.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                out.println((i == 0 ? "bot: " : "     ") + directed(lines.get(i), language));
            }
            List<Button> buttons = m.buttons();
            for (int i = 0; i < buttons.size(); i++) {
                out.println("  " + (i + 1) + ". " + directed(buttons.get(i).label(), language));
            }
        }
        if (events) {
            for (Event e : turn.events()) {
                out.println("     [" + e + "]");
            }
        }
        out.flush();
    }

    public void resident(String line, String language) {
        out.println("you: " + directed(line, language));
        out.flush();
    }

    /**
     * In a right-to-left conversation the line starts with the Latin "bot: " prefix, which would make the terminal
     * lay out the whole line left-to-right and move trailing punctuation (and digits after Arabic words) to the
     * wrong side. Isolating the Arabic text as its own right-to-left run fixes that without affecting the prefix;
     * the engine already isolates Latin names and numbers inside the text. Terminals without bidi support ignore
     * these invisible characters (they are default-ignorable).
     */
    static String directed(String text, String language) {
        return isRtl(language) ? RLI + text + PDI : text;
    }

    static boolean isRtl(String language) {
        String base = language == null ? "" : language.split("-")[0];
        return switch (base) {
            case "ar", "fa", "he", "ur", "ps", "ckb" -> true;
            default -> false;
        };
    }
}
