package be.buurtstem.load;

import java.util.Arrays;

/**
 * Latencies of one run, in microseconds, kept whole (a run holds at most a few hundred thousand) so that the
 * percentiles are exact: nearest rank, {@code p} of {@code n} sorted values is the {@code ceil(p × n)}-th. A request
 * that got no answer is not a latency; it is counted by the caller as an error.
 */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = Math.max(0, micros);
    }

    /** Latency measured from the intended send time (not from when the request really left: no coordinated omission). */
    void addSince(long intendedNanos, long doneNanos) {
        add((doneNanos - intendedNanos) / 1000);
    }

    synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile, {@code p} in (0, 1]; -1 when empty. */
    synchronized long percentile(double p) {
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("percentile must be in (0, 1], got " + p);
        }
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * size);
        return sorted[Math.max(0, rank - 1)];
    }

    synchronized long max() {
        long m = -1;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }

    /** "p50 / p90 / p99 / max" in milliseconds with one decimal, or "—" when empty. */
    String summary() {
        if (count() == 0) {
            return "—";
        }
        return ms(percentile(0.50)) + " / " + ms(percentile(0.90)) + " / " + ms(percentile(0.99)) + " / " + ms(max());
    }

    static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
