package be.buurtstem.analysis.saturation;

/** The status of a segment; {@link #json()} is the value in {@code saturation --json}. */
public enum Status {
    TOO_FEW("too_few", "too few"),
    HEARING_NEW("hearing_new", "still hearing new themes"),
    SATURATED("saturated", "saturated");

    private final String json;
    private final String words;

    Status(String json, String words) {
        this.json = json;
        this.words = words;
    }

    public String json() {
        return json;
    }

    public String words() {
        return words;
    }

    /**
     * The default rule of DESIGN.md: too few below the minimum respondents or mentions; saturated when coverage has
     * held over the last hold window and Chao2 lies within the tolerance of the themes seen; else hearing new.
     */
    static Status of(SaturationThresholds th, long respondents, long mentions, int themesSeen, double chao2,
                     long coverageHeldFor) {
        if (respondents < th.minRespondents() || mentions < th.minMentions() || themesSeen == 0) {
            return TOO_FEW;
        }
        boolean held = coverageHeldFor >= th.holdWindow(respondents);
        boolean closeToEstimate = chao2 <= themesSeen * (1 + th.chao2Tolerance()) + 1e-9;
        return held && closeToEstimate ? SATURATED : HEARING_NEW;
    }
}
