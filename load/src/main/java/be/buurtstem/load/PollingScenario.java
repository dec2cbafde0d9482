package be.buurtstem.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * polling: the service in long-polling mode; N residents' updates are queued at the fake's getUpdates in bursts, one
 * message per resident per burst (the first {@code /start}, the next ones what they answer to the bot's last
 * message), and the time is taken from the queueing until the service's offset has passed every update of the burst
 * (Telegram's confirmation). Between bursts the replies are awaited (not counted). Stated: updates/s confirmed.
 */
final class PollingScenario {
    private final int updates;
    private final int residents;
    private final String questionnaire;

    PollingScenario(Args args, boolean alone) {
        this.updates = Integer.parseInt(args.scoped("polling", "updates", alone, "4000"));
        this.residents = Integer.parseInt(args.scoped("polling", "residents", alone, "2000"));
        this.questionnaire = args.scoped("polling", "questionnaire", alone, "inclusieweb");
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        Path dir = setup.work().resolve("polling");
        int bursts = Math.max(1, updates / residents);
        report.line("### long polling, " + bursts * residents + " updates from " + residents + " residents in "
                + bursts + " burst(s) of " + residents);
        Map<String, String> f = new LinkedHashMap<>();
        try (FakeTelegram telegram = new FakeTelegram()) {
            Service service = new Service(setup.jar(), dir.resolve("service.log"), setup.env(dir.resolve("data"),
                    telegram), setup.jvm(List.of()), "serve");
            service.start(Duration.ofMinutes(3));
            f.put("start-up to UP (fresh data folder)", service.lastStartMillis + " ms");
            service.settle(Duration.ofSeconds(60));
            Residents people = new Residents(2_000_000_000L, residents, questionnaire, telegram, setup.seed());
            String loadBefore = ProcessStats.loadAverage();
            Duration cpu0 = ProcessStats.cpu(service.pid());
            long confirmedBefore = telegram.confirmedCount.get();
            double totalSeconds = 0;
            StringBuilder per = new StringBuilder();
            long sent = 0;
            for (int b = 0; b < bursts; b++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < residents; i++) {
                    long id = telegram.newUpdateId();
                    telegram.push(id, people.next(i, id));
                }
                sent += residents;
                long target = confirmedBefore + sent;
                long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
                while (telegram.confirmedCount.get() < target && System.currentTimeMillis() < deadline
                        && service.alive()) {
                    Thread.sleep(20);
                }
                double s = (telegram.lastConfirmNanos.get() - t0) / 1e9;
                totalSeconds += s;
                per.append(per.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.0f/s (%.2f s)",
                        residents / s, s));
                OpenLoop.awaitQuiet(telegram, Duration.ofSeconds(2), Duration.ofSeconds(120));
            }
            Duration cpu = ProcessStats.cpu(service.pid()).minus(cpu0);
            long confirmed = telegram.confirmedCount.get() - confirmedBefore;
            f.put("updates queued / confirmed", sent + " / " + confirmed);
            f.put("confirmed per second (all bursts)", String.format(java.util.Locale.ROOT, "%.0f/s (%.2f s in all)",
                    confirmed / totalSeconds, totalSeconds));
            f.put("per burst", per.toString());
            f.put("getUpdates calls", String.valueOf(telegram.getUpdatesCalls.get()));
            f.put("replies sent (sendMessage at the fake)", String.valueOf(telegram.sends.sum()));
            f.put("service CPU per update", String.format(java.util.Locale.ROOT, "%.2f ms (with the replies)",
                    cpu.toNanos() / 1e6 / Math.max(1, confirmed)));
            f.put("service RSS at end", ProcessStats.rssMb(service.pid()) + " MB");
            f.put("load average before / after", "`" + loadBefore + "` / `" + ProcessStats.loadAverage() + "`");
            service.stop();
        }
        report.table(f);
        return f;
    }
}
