package be.buurtstem.engine.input;

import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.SystemTexts;

/** Yes/no and other word lists from the system texts, matched on folded text. */
public final class Words {
    private static final SystemTexts SYSTEM = SystemTexts.get();

    private Words() {
    }

    /** TRUE for yes, FALSE for no, null when the text is neither (in this language first, then in any). */
    public static Boolean yesNo(String key, String lang) {
        if (key.isEmpty()) {
            return null;
        }
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
