package be.buurtstem.analysis.coding;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class EvaluationTest {

    @Test
    void perThemeMicroMacroAndKappaByHand() {
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a", "b"), Set.of(), Set.of("b"));
        List<Set<String>> pred = List.of(Set.of("a"), Set.of("a"), Set.of("b"), Set.of("b"));
        Evaluation.Report r = Evaluation.evaluate(gold, pred, List.of("a", "b"));
        Evaluation.ThemeScore a = r.perTheme().get(0);
        Evaluation.ThemeScore b = r.perTheme().get(1);
        assertEquals("a", a.theme());
        assertEquals(1.0, a.precision());
        assertEquals(1.0, a.recall());
        assertEquals(1.0, a.kappa(), 1e-12);
        assertEquals(0.5, b.precision());
        assertEquals(0.5, b.recall());
        assertEquals(0.5, b.f1());
        // b: tp=1 fp=1 fn=1 tn=1 → po=0.5, pe=0.5 → kappa 0
        assertEquals(0.0, b.kappa(), 1e-12);
        // micro: tp=3 fp=1 fn=1
        assertEquals(0.75, r.microPrecision(), 1e-12);
        assertEquals(0.75, r.microRecall(), 1e-12);
        assertEquals(0.75, r.microF1(), 1e-12);
        assertEquals(0.75, r.macroF1(), 1e-12);
        assertEquals(0.5, r.exactMatch(), 1e-12);
        // pooled: tp=3 fp=1 fn=1 tn=3 → po=0.75, pe=0.5 → 0.5
        assertEquals(0.5, r.kappa(), 1e-12);
        assertEquals(0.5, r.meanKappa(), 1e-12);
    }

    @Test
    void perfectAndEmpty() {
        Evaluation.Report r = Evaluation.evaluate(List.of(Set.of("x"), Set.of()), List.of(Set.of("x"), Set.of()), List.of());
        assertEquals(1.0, r.microF1());
        assertEquals(1.0, r.kappa(), 1e-12);
        Evaluation.Report none = Evaluation.evaluate(List.of(), List.of(), List.of());
        assertEquals(0, none.answers());
        assertEquals(0.0, none.microF1());
    }
}
