package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.analysis.saturation.SaturationThresholds;
import be.buurtstem.bot.service.saturation.ScopeSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds an organiser may change per questionnaire, as the page shows them: whole numbers of residents,
 * percentages (shown as 95, stored as 0.95) and days. An empty box means "the default" (the questionnaire file's,
 * else the service's). The names are those of the questionnaire file's {@code saturation:} block.
 */
final class ThresholdsForm {

    /** One setting: its stored name, whether the page shows it in percent, its allowed range in page units. */
    record Setting(String name, boolean percent, double min, double max, boolean whole) {
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("min_respondents", false, 1, 100_000, true),
            new Setting("min_mentions", false, 1, 1_000_000, true),
            new Setting("coverage", true, 50, 99.9, false),
            new Setting("hold_minimum", false, 1, 100_000, true),
            new Setting("hold_fraction", true, 0, 100, false),
            new Setting("chao2_tolerance", true, 0, 100, false),
            new Setting("under_represented_ratio", true, 1, 100, false),
            new Setting(ScopeSettings.SILENCE_AFTER_DAYS, false, 0.01, 365, false));

    record Result(Map<String, Double> values, Map<String, MakeUpForm.Problem> problems) {
    }

    /** Reads the boxes ({@code name → typed text}); a problem per box that cannot be used. */
    static Result parse(Map<String, String> typed) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, MakeUpForm.Problem> problems = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            String t = typed.get(s.name());
            if (t == null || t.isBlank()) {
                continue;
            }
            String clean = t.strip().replace(',', '.').replace("%", "").strip();
            double v;
            try {
                v = Double.parseDouble(clean);
            } catch (NumberFormatException e) {
                problems.put(s.name(), new MakeUpForm.Problem("saturation.settings.error.number", List.of(t.strip())));
                continue;
            }
            if (!Double.isFinite(v) || v < s.min() || v > s.max() || (s.whole() && v != Math.rint(v))) {
                problems.put(s.name(), new MakeUpForm.Problem(s.whole() ? "saturation.settings.error.wholeRange"
                        : "saturation.settings.error.range", List.of(MakeUpForm.number(s.min()),
                        MakeUpForm.number(s.max()))));
                continue;
            }
            values.put(s.name(), s.percent() ? v / 100 : v);
        }
        return new Result(values, problems);
    }

    /** The boxes' contents for stored values (page units). */
    static Map<String, String> typed(Map<String, Double> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : SETTINGS) {
            Double v = stored.get(s.name());
            out.put(s.name(), v == null ? "" : MakeUpForm.number(s.percent() ? v * 100 : v));
        }
        return out;
    }

    /** The defaults, in page units, to show as placeholders next to each box. */
    static Map<String, String> defaults(SaturationThresholds t, Duration silenceAfter) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("min_respondents", Integer.toString(t.minRespondents()));
        out.put("min_mentions", Long.toString(t.minMentions()));
        out.put("coverage", MakeUpForm.number(t.coverageTarget() * 100));
        out.put("hold_minimum", Integer.toString(t.holdMinimum()));
        out.put("hold_fraction", MakeUpForm.number(t.holdFraction() * 100));
        out.put("chao2_tolerance", MakeUpForm.number(t.chao2Tolerance() * 100));
        out.put("under_represented_ratio", MakeUpForm.number(t.underRepresentedRatio() * 100));
        out.put(ScopeSettings.SILENCE_AFTER_DAYS, MakeUpForm.number(Math.round(silenceAfter.toMinutes() / 14.4) / 100.0));
        return out;
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        SETTINGS.forEach(s -> out.add(s.name()));
        return out;
    }
}
