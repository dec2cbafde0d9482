package be.buurtstem.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatenciesTest {
    @Test
    void percentilesAreNearestRankOverEveryValue() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) { // out of order on purpose
            l.add(i * 1000L);
        }
        assertEquals(100, l.count());
        assertEquals(50_000, l.percentile(0.50));
        assertEquals(90_000, l.percentile(0.90));
        assertEquals(99_000, l.percentile(0.99));
        assertEquals(100_000, l.percentile(1.0));
        assertEquals(100_000, l.max());
        assertEquals("50.0 / 90.0 / 99.0 / 100.0", l.summary());
    }

    @Test
    void aSmallSampleRoundsTheRankUp() {
        Latencies l = new Latencies();
        l.add(1000);
        l.add(2000);
        l.add(3000);
        assertEquals(2000, l.percentile(0.5)); // ceil(1.5) = 2nd
        assertEquals(3000, l.percentile(0.9)); // ceil(2.7) = 3rd
        assertEquals(1000, l.percentile(0.01));
    }

    @Test
    void growsBeyondItsFirstArray() {
        Latencies l = new Latencies();
        for (int i = 0; i < 5000; i++) {
            l.add(i);
        }
        assertEquals(5000, l.count());
        assertEquals(4999, l.max());
        assertEquals(2499, l.percentile(0.5));
    }

    @Test
    void latencyRunsFromTheIntendedSendTimeNotFromWhenItWasSent() {
        Latencies l = new Latencies();
        long intended = 1_000_000_000L;
        // sent 40 ms late, answered 10 ms after sending: the latency is 50 ms, the queue the late sender hid included
        l.addSince(intended, intended + 50_000_000L);
        assertEquals(50_000, l.max());
    }

    @Test
    void emptyIsShownAsSuchAndBadPercentilesAreRefused() {
        Latencies l = new Latencies();
        assertEquals(-1, l.percentile(0.5));
        assertEquals("—", l.summary());
        assertThrows(IllegalArgumentException.class, () -> l.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> l.percentile(1.5));
    }

    @Test
    void intendedTimesFollowTheRateWhateverHappened() {
        assertEquals(0, OpenLoop.intendedOffsetNanos(0, 300));
        assertEquals(1_000_000_000L, OpenLoop.intendedOffsetNanos(300, 300));
        assertEquals(2_500_000L, OpenLoop.intendedOffsetNanos(1, 400));
    }
}
