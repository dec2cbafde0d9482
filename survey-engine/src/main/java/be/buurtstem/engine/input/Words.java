package be.buurtstem.engine.input;

import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.SystemTexts;

/** Yes/no and other word lists from the system texts, matched on folded text. */
public final class Words {
    private static final SystemTexts SYSTEM = SystemTexts.get();

    private Words() {
    }

    /**
     * TRUE for yes, FALSE for no, null when the text is neither (in this language first, then in any). Repeated
     * letters do not matter: "jaaa", "nooo", "neeee" and "ouiii" are read as the word they stretch.
     */
    public static Boolean yesNo(String key, String lang) {
        if (key.isEmpty()) {
            return null;
        }
        Boolean exact = yesNoWord(key, lang);
        if (exact != null) {
            return exact;
        }
        String squeezed = squeeze(key);
        if (squeezed.equals(key)) {
            return null;
        }
        for (String kind : new String[] {"yes", "no"}) {
            for (String w : SYSTEM.allWords(kind)) {
                if (squeeze(w).equals(squeezed)) {
                    return kind.equals("yes");
                }
            }
        }
        return null;
    }

    /** Runs of one letter become one letter: "neeee" → "ne", "jaaa" → "ja" (compared with the words squeezed alike). */
    static String squeeze(String key) {
        StringBuilder b = new StringBuilder(key.length());
        int last = -1;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != last || !Character.isLetter(cp)) {
                b.appendCodePoint(cp);
            }
            last = cp;
        }
        return b.toString();
    }

    private static Boolean yesNoWord(String key, String lang) {
        if (SYSTEM.words("yes", lang).contains(key)) {
            return Boolean.TRUE;
        }
        if (SYSTEM.words("no", lang).contains(key)) {
            return Boolean.FALSE;
        }
        // The yes/no buttons are shown as 1 and 2 in text-only channels.
        if (key.equals("1") || key.equals("👍") || key.equals("✅") || key.equals("👌") || key.equals("✔")) {
            return Boolean.TRUE;
        }
        if (key.equals("2") || key.equals("👎") || key.equals("❌") || key.equals("🚫") || key.equals("✖")) {
            return Boolean.FALSE;
        }
        if (SYSTEM.allWords("yes").contains(key)) {
            return Boolean.TRUE;
        }
        if (SYSTEM.allWords("no").contains(key)) {
            return Boolean.FALSE;
        }
        return null;
    }

    public static boolean isDone(String key, String lang) {
        return SYSTEM.words("done", lang).contains(key) || SYSTEM.allWords("done").contains(key);
    }

    /**
     * The command a message names in one language (its words there, or the command's id: "stop", "help"), without
     * a leading "/"; null otherwise. "dil" is a command only in Turkish.
     */
    public static String command(String typed, String lang) {
        String key = Fold.key(typed);
        if (typed.strip().startsWith("/") || key.isEmpty()) {
            return null;
        }
        if (SystemTexts.COMMANDS.contains(key)) {
            return key;
        }
        for (String command : SystemTexts.COMMANDS) {
            if (SYSTEM.words(command, lang).contains(key)) {
                return command;
            }
        }
        return null;
    }

    /** The command id a message names, or null. A leading "/" (as Telegram sends) is allowed. */
    public static String command(String typed) {
        String t = typed.strip();
        if (t.startsWith("/")) {
            t = t.substring(1);
        }
        String key = Fold.key(t);
        if (SystemTexts.COMMANDS.contains(key)) {
            return key;
        }
        return SYSTEM.command(key);
    }
}
