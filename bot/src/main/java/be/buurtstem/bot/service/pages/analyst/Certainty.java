package be.buurtstem.bot.service.pages.analyst;

import be.buurtstem.bot.service.store.StoredCoding;

/**
 * How sure the coder was of an answer: its top score, the highest score it gave any theme (also a theme below its
 * threshold, so an answer coded with no theme at all is not taken for a sure one). The review queue shows the least
 * certain answers first.
 */
final class Certainty {
    private Certainty() {
    }

    static double top(StoredCoding coding) {
        double top = 0;
        for (double s : coding.scores().values()) {
            top = Math.max(top, s);
        }
        for (StoredCoding.Code c : coding.codes()) {
            top = Math.max(top, c.confidence());
        }
        return top;
    }
}
