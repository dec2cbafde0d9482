package be.buurtstem.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstantsTest {
    @Test
    void formatsAndParsesExactlyLikeTheJdk() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long sec = (long) (r.nextDouble() * 4_000_000_000L) - 200_000_000L;
            int nano = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(sec, nano);
            assertEquals(t.toString(), Instants.format(t));
            assertEquals(t, Instants.parse(t.toString()));
        }
        for (String odd : new String[]{"+12026-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-11-24T10:00:00.5Z", "2026-02-28T23:59:59.000000001Z"}) {
            assertEquals(Instant.parse(odd), Instants.parse(odd));
        }
        assertEquals(Instant.MAX.toString(), Instants.format(Instant.MAX));
    }
}
