package be.buurtstem.analysis.coding;

/** How one OpenNLP categorizer is made to give several themes per answer. */
public enum Scheme {
    /** One binary doccat model per theme ("1" / "0"); a theme's score is its model's P("1"). */
    ONE_VS_REST,
    /**
     * One multi-class doccat model over the themes and "none"; an answer with k themes is k training events; a
     * theme's score is its probability (which the themes of an answer share).
     */
    MULTINOMIAL
}
