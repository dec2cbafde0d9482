package be.buurtstem.analysis.buurtkaart;

/**
 * One person, place or organisation on a resident's map (one round of the questionnaire's repeat group).
 *
 * @param kind        {@code person}, {@code place}, {@code organisation}, or null when not answered
 * @param influential the resident said it has a lot of influence (drawn thicker)
 */
public record Actor(int round, String name, String kind, Domain domain, Closeness closeness, Giving giving,
                    boolean influential, Valence valence) {
}
