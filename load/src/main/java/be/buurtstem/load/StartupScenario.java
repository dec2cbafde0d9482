package be.buurtstem.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * startup: from launching {@code java -jar JAR serve} until {@code /actuator/health} answers UP (polled every 50 ms),
 * on a fresh data folder, then restarted on the same folder ({@code --restarts} times); webhook mode, fake Telegram.
 */
final class StartupScenario {
    private final int restarts;

    StartupScenario(Args args, boolean alone) {
        this.restarts = Integer.parseInt(args.scoped("startup", "restarts", alone, "3"));
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        Path dir = setup.work().resolve("startup");
        report.line("### start-up to healthy");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("load average before", "`" + ProcessStats.loadAverage() + "`");
        try (FakeTelegram telegram = new FakeTelegram()) {
            Service first = setup.webhookService(dir, telegram, List.of());
            f.put("fresh data folder", first.lastStartMillis + " ms");
            first.settle(Duration.ofSeconds(60));
            first.stop();
            StringBuilder again = new StringBuilder();
            for (int i = 0; i < restarts; i++) {
                Service s = setup.webhookService(dir, telegram, List.of());
                again.append(again.isEmpty() ? "" : ", ").append(s.lastStartMillis).append(" ms");
                s.settle(Duration.ofSeconds(30));
                s.stop();
            }
            f.put("restarts on the same data folder", again.toString());
        }
        f.put("load average after", "`" + ProcessStats.loadAverage() + "`");
        report.table(f);
        return f;
    }
}
