package be.buurtstem.engine.input;

import com.ibm.icu.lang.UCharacter;

/**
 * Reads a number as residents type it: Western, Arabic-Indic (٣) or Eastern Arabic-Indic (۳) digits, a decimal
 * comma or point (or the Arabic decimal separator ٫), and words around it ("ik ben 35 jaar" → 35), as long as
 * the message holds exactly one number.
 */
public final class Numbers {
    private Numbers() {
    }

    /** The one number in the text, or null when there is none or more than one. */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder found = null;
        StringBuilder cur = null;
        int count = 0;
        boolean negative = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int d = Character.isDigit(cp) || UCharacter.isDigit(cp) ? UCharacter.digit(cp, 10) : -1;
            if (d >= 0) {
                if (cur == null) {
                    cur = new StringBuilder();
                    count++;
                    negative = count == 1 && precededByMinus(text, i - Character.charCount(cp));
                }
                cur.append((char) ('0' + d));
            } else if (cur != null && (cp == ',' || cp == '.' || cp == 0x066B) && cur.indexOf(".") < 0
                    && i < text.length() && UCharacter.digit(text.codePointAt(i), 10) >= 0) {
                cur.append('.');
            } else if (cur != null) {
                found = found == null ? cur : found;
                cur = null;
            }
            if (count > 1) {
                return null;
            }
        }
        if (cur != null && found == null) {
            found = cur;
        }
        if (found == null || found.length() > 15) {
            return null;
        }
        double v = Double.parseDouble(found.toString());
        return negative ? -v : v;
    }

    private static boolean precededByMinus(String text, int index) {
        int j = index - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && (text.charAt(j) == '-' || text.charAt(j) == '\u2212') && (j == 0 || !Character.isLetterOrDigit(text.charAt(j - 1)));
    }

    /** The number as recorded: a Long when whole, else a Double. */
    public static Object value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return v;
    }
}
