package be.buurtstem.analysis.buurtkaart;

/** The four rings of the method: 1 very close (innermost) to 4 far; ids as the questionnaire's {@code closeness}. */
public enum Closeness {
    VERY_CLOSE("very_close"), CLOSE("close"), NEUTRAL("neutral"), FAR("far");

    private final String id;

    Closeness(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** 1 for the innermost ring, 4 for the outermost. */
    public int ring() {
        return ordinal() + 1;
    }

    /** An unknown or missing answer sits on the neutral ring: the method's middle, not a guess of near or far. */
    public static Closeness of(String id) {
        for (Closeness c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return NEUTRAL;
    }
}
