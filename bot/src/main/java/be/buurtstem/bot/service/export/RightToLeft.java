package be.buurtstem.bot.service.export;

/** Whether a text reads right to left: its first strong letter is (Unicode's bidi rule P2, as spreadsheets apply it). */
final class RightToLeft {
    private RightToLeft() {
    }

    static boolean is(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
