package be.buurtstem.analysis.buurtkaart;

/**
 * Who gives to whom (the method's arrows): the resident to the actor, the actor to the resident, or both ways.
 * Ids as the questionnaire's {@code give_receive}; unanswered draws no arrow.
 */
public enum Giving {
    I_GIVE("i_give"), I_RECEIVE("i_receive"), BOTH("both"), UNKNOWN("");

    private final String id;

    Giving(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Giving of(String id) {
        for (Giving g : values()) {
            if (g != UNKNOWN && g.id.equals(id)) {
                return g;
            }
        }
        return UNKNOWN;
    }
}
