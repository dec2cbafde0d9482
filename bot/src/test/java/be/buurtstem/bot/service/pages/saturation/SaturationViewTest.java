package be.buurtstem.bot.service.pages.saturation;

import be.buurtstem.analysis.saturation.CodedAnswer;
import be.buurtstem.analysis.saturation.Expectations;
import be.buurtstem.analysis.saturation.SaturationReport;
import be.buurtstem.analysis.saturation.SaturationState;
import be.buurtstem.analysis.saturation.SaturationThresholds;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's sentences from a real saturation state, with the service's message files. */
class SaturationViewTest {
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    static SaturationTexts texts(String lang) {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return new SaturationTexts(m, Locale.of(lang));
    }

    /** Residents each voicing one theme: the first {@code distinct} are all new, then themes 0..3 repeat. */
    static SaturationReport report(int residents, int distinct, Expectations exp) {
        SaturationState s = new SaturationState(List.of("area", "language"), SaturationThresholds.DEFAULTS, exp, T0);
        for (int i = 0; i < residents; i++) {
            String theme = i < distinct ? "t" + i : "t" + (i % 4);
            s.add(new CodedAnswer("a" + i, "r" + i, "straat", "wish", "wishes",
                    Map.of("area", i % 10 == 0 ? "zuid" : "noord", "language", "nl"), List.of(theme),
                    T0.plusSeconds(i), true));
        }
        return s.report();
    }

    @Test
    void tooFewSaysWhatIsMissingAndWhatTheLastResidentsBrought() {
        SaturationReport r = report(12, 12, Expectations.NONE);
        SaturationView.Verdict v = SaturationView.verdict(r.overall(), SaturationThresholds.DEFAULTS, texts("nl"));
        assertEquals("Nog te weinig antwoorden", v.words());
        assertEquals("We hoorden tot nu 12 bewoners, die samen 12 keer een thema noemden. Vanaf 30 bewoners en 30 keer "
                + "kunnen we zeggen of er nog nieuwe thema's komen. De laatste 12 bewoners brachten 12 nieuwe thema’s "
                + "aan.", v.why());
        List<String> estimate = SaturationView.estimate(r.overall(), SaturationThresholds.DEFAULTS, texts("nl"));
        assertTrue(estimate.get(0).startsWith("We hoorden 12 thema's."), estimate.toString());
    }

    @Test
    void stillHearingNewThemesWithAnEstimateInWords() {
        // 40 residents: 8 themes heard once or twice among many repeats
        SaturationState s = new SaturationState(List.of(), SaturationThresholds.DEFAULTS, Expectations.NONE, T0);
        for (int i = 0; i < 40; i++) {
            String theme = i % 5 == 4 ? "rare" + i : "t" + (i % 3);
            s.add(new CodedAnswer("a" + i, "r" + i, "straat", "wish", null, Map.of(), List.of(theme),
                    T0.plusSeconds(i), true));
        }
        SaturationReport r = s.report();
        SaturationView.Verdict v = SaturationView.verdict(r.overall(), SaturationThresholds.DEFAULTS, texts("en"));
        assertEquals("We still hear new themes", v.words());
        assertEquals("The last 20 residents brought 4 new themes.", v.why());
        String unheard = SaturationView.estimate(r.overall(), SaturationThresholds.DEFAULTS, texts("en")).get(0);
        assertTrue(unheard.matches("We heard 11 themes\\. There are probably about \\d+ more we have not heard yet "
                + "\\(between \\d+ and \\d+\\)\\."), unheard);
        assertTrue(SaturationView.estimate(r.overall(), SaturationThresholds.DEFAULTS, texts("fr")).get(0)
                .startsWith("Nous avons entendu 11 thèmes. Il en reste probablement environ"));
    }

    @Test
    void saturatedAndTheGroupsNotHeardInOrderSilentUnderThin() {
        Expectations exp = new Expectations(Map.of("area", Map.of("noord", 5000.0, "zuid", 3000.0, "west", 2000.0),
                "language", Map.of("nl", 0.6, "fr", 0.4)), null);
        SaturationReport r = report(200, 4, exp);
        SaturationView.Verdict v = SaturationView.verdict(r.overall(), SaturationThresholds.DEFAULTS, texts("nl"));
        assertEquals("We horen nu vooral dezelfde thema's", v.words());
        assertEquals("De laatste 20 bewoners brachten geen nieuw thema aan.", v.why());
        List<SaturationView.Gap> gaps = SaturationView.gaps(r, exp, SaturationThresholds.DEFAULTS, texts("nl"));
        // zuid has fewer than 30 residents too, but "under-represented" says more, so it is named once as that
        assertEquals(List.of("silent", "silent", "under"), gaps.stream().map(SaturationView.Gap::kind).toList(),
                gaps.toString());
        assertEquals("Wijk: west: nog niemand gehoord, terwijl ongeveer 20 % van de buurt tot deze groep behoort.",
                gaps.get(0).sentence());
        assertEquals("Taal: Frans (fr): nog niemand gehoord, terwijl ongeveer 40 % van de buurt tot deze groep "
                + "behoort.", gaps.get(1).sentence());
        assertEquals("Wijk: zuid: 20 bewoners gehoord, waar we er ongeveer 60 zouden verwachten (30 % van de buurt, "
                + "10 % van wie we hoorden).", gaps.get(2).sentence());
    }

    @Test
    void samplesForTheDataTableEndAtTheLastResident() {
        assertEquals(List.of(), SaturationView.samples(new int[0]));
        List<SaturationView.Point> p = SaturationView.samples(new int[] {1, 2, 2, 3});
        assertEquals(new SaturationView.Point(4, 3), p.getLast());
        assertTrue(SaturationView.samples(new int[1000]).size() <= 11);
    }
}
