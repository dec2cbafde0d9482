package be.buurtstem.bot.cli;

import be.buurtstem.analysis.saturation.Measures;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import java.io.PrintWriter;
import java.util.Locale;

/** The closing lines of the readable report: the rule used and Guest's share, reported but not used. */
final class SaturationThresholdsText {

    private SaturationThresholdsText() {
    }

    static void guest(PrintWriter out, Measures m, SaturationReport r) {
        SaturationThresholds th = r.thresholds();
        out.printf(Locale.ROOT, "Rule: saturated when coverage >= %s has held over the last max(%d, %.0f%% of"
                        + " respondents) and Chao2 is within %.0f%% of the themes seen; at least %d respondents and %d"
                        + " mentions. Coverage has held over the last %d respondent(s); %d needed.%n",
                SaturationText.pct(th.coverageTarget()), th.holdMinimum(), 100 * th.holdFraction(),
                100 * th.chao2Tolerance(), th.minRespondents(), th.minMentions(), m.coverageHeldFor(),
                m.holdWindow());
        out.printf(Locale.ROOT, "Guest, Namey & Chen (2020) new-information share over the last run (base %d, run"
                        + " %d): %s. Reported only: their interview-sized defaults stop far too early on short chat"
                        + " answers%s.%n", th.guestBase(), th.guestRun(),
                m.newShareLastRun() == null ? "not yet" : SaturationText.pct(m.newShareLastRun()),
                m.guestSaturatedAt() == null ? "" : " (here they would have stopped at respondent "
                        + m.guestSaturatedAt() + ")");
    }
}
