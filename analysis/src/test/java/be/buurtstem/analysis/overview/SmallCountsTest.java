package be.buurtstem.analysis.overview;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmallCountsTest {
    static Overview.Count shown(int n) {
        return new Overview.Count(n, false);
    }

    static Overview.Count hidden(int n) {
        return new Overview.Count(n, true);
    }

    @Test
    void oneToFourAreHiddenZeroAndFiveShown() {
        assertEquals(List.of(shown(0), hidden(1), hidden(4), shown(5), shown(20)),
                SmallCounts.row(List.of(0, 1, 4, 5, 20)));
    }

    @Test
    void aLoneHiddenCellTakesTheSmallestOtherWithIt() {
        assertEquals(List.of(hidden(2), shown(0), hidden(7), shown(30)), SmallCounts.row(List.of(2, 0, 7, 30)));
    }

    @Test
    void nothingToHide() {
        assertEquals(List.of(shown(0), shown(6)), SmallCounts.row(List.of(0, 6)));
    }
}
