package be.buurtstem.load;

/**
 * The service's CPU in steady state: process CPU sampled at two instants inside the measured run (after a skip, so
 * that the JIT's compilations and the first outbox backlog are behind; up to the last intended send, so that the
 * drain's tail and the wait for the last replies are not in it), divided by the updates answered 200 between those
 * instants. The whole-run figure ({@code WebhookScenario}) includes all of that; this one is what an update costs
 * once the service runs at that rate.
 *
 * @param fromNanos    {@link System#nanoTime()} of the first sample
 * @param toNanos      of the second sample
 * @param cpuFromNanos the process's CPU time (all threads) at the first sample
 * @param cpuToNanos   at the second
 * @param sendsFrom    replies the fake Telegram had received at the first sample
 * @param sendsTo      at the second
 * @param answered     updates whose 200 arrived between the two samples
 */
record SteadyWindow(long fromNanos, long toNanos, long cpuFromNanos, long cpuToNanos, long sendsFrom, long sendsTo,
                    long answered) {

    /** Updates whose 200 arrived within {@code [from, to]}: {@code done[k]} is when update k's 200 came. */
    static long answeredBetween(long[] done, int[] status, long from, long to) {
        long n = 0;
        for (int k = 0; k < done.length; k++) {
            if (status[k] == 200 && done[k] >= from && done[k] <= to) {
                n++;
            }
        }
        return n;
    }

    double seconds() {
        return (toNanos - fromNanos) / 1e9;
    }

    double cpuSeconds() {
        return (cpuToNanos - cpuFromNanos) / 1e9;
    }

    /** CPU per update answered in the window, in ms; NaN when none was answered (no figure rather than a wrong one). */
    double perUpdateMs() {
        return answered == 0 ? Double.NaN : (cpuToNanos - cpuFromNanos) / 1e6 / answered;
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%.2f ms (%.1f s CPU over the %.1f s window / %d updates answered "
                + "200 in it; %d replies sent in it)", perUpdateMs(), cpuSeconds(), seconds(), answered,
                sendsTo - sendsFrom);
    }
}
