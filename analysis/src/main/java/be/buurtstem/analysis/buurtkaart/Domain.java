package be.buurtstem.analysis.buurtkaart;

import java.util.Optional;

/**
 * The thirteen life domains of the Resokit buurtkaart, in the method's order (work first, bridge figures last). The
 * ids are the option ids of the bundled questionnaire's {@code entry_domain}; the order fixes the sectors' places.
 */
public enum Domain {
    WORK("work"), LEARNING("learning"), LEISURE("leisure"), MOBILITY("mobility"), HOUSING("housing"),
    HELP_SERVICES("help_services"), RELIGION("religion"), ONLINE("online"), PUBLIC_SPACE("public_space"),
    SHOPS("shops"), LOCAL_GOVERNMENT("local_government"), FAMILY_FRIENDS("family_friends"), KEY_FIGURES("key_figures");

    private final String id;

    Domain(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Domain> of(String id) {
        for (Domain d : values()) {
            if (d.id.equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
