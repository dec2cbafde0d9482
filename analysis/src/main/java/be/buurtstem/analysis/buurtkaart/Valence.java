package be.buurtstem.analysis.buurtkaart;

/** What a contact gives the resident (the method's green / blue / red); ids as the questionnaire's {@code energy}. */
public enum Valence {
    ENERGISING("energising"), NEUTRAL("neutral"), DRAINING("draining");

    private final String id;

    Valence(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Unanswered is neutral (blue): nothing said is neither energy nor drain. */
    public static Valence of(String id) {
        for (Valence v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        return NEUTRAL;
    }
}
