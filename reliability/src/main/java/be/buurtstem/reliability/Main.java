package be.buurtstem.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reliability harness (RELIABILITY.md): {@code java -jar reliability.jar crash|hostile|privacy|all [--options]}.
 * It runs the service jar in child processes on 127.0.0.1 only, every loop bounded in count and time, and exits 0
 * when every check passed, 1 when one failed, 2 on a usage or set-up error.
 */
public final class Main {
    /** What every scenario shares: the jar, a work folder, the bundled questionnaire, markers, the analyst token. */
    record Setup(Path jar, Path work, Path questionnaires, String analystToken, String runId) {
        private static final SecureRandom RANDOM = new SecureRandom();

        /**
         * A word no service, log or library would write by itself: letters only (tokenisers keep it whole), starting
         * with the run id so that every marker of the run is found by one search.
         */
        String marker(String kind) {
            StringBuilder sb = new StringBuilder(runId).append(kind);
            for (int i = 0; i < 8; i++) {
                sb.append((char) ('a' + RANDOM.nextInt(26)));
            }
            return sb.toString();
        }

        /** The service's environment: embedded store in {@code data}, the harness questionnaire, the fake Bot API. */
        Map<String, String> env(Path data, FakeTelegram telegram) throws IOException {
            Files.createDirectories(data);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("BUURTSTEM_DATA_DIR", data.toString());
            env.put("BUURTSTEM_QUESTIONNAIRES", questionnaires.toString());
            env.put("BUURTSTEM_ANALYST_TOKEN", analystToken);
            env.put("BUURTSTEM_CODING_SEED_LANGUAGES", "en");
            if (telegram != null) {
                env.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
                env.put("TELEGRAM_API_URL", telegram.url());
            }
            return env;
        }
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !List.of("crash", "hostile", "privacy", "all").contains(argv[0])) {
            System.err.println("usage: reliability crash|hostile|privacy|all [--jar bot/target/buurtstem.jar]"
                    + " [--work DIR] [scenario options, see RELIABILITY.md]");
            System.exit(2);
        }
        Args args = new Args(argv, 1);
        Path jar = Path.of(args.str("jar", "bot/target/buurtstem.jar")).toAbsolutePath();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path work = Path.of(args.str("work", "reliability/target/runs/" + argv[0] + "-" + stamp)).toAbsolutePath();
        StringBuilder id = new StringBuilder("zq");
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 4; i++) {
            id.append((char) ('a' + random.nextInt(26)));
        }
        String runId = id.toString();
        String scenario = argv[0];
        CrashScenario crash = scenario.equals("crash") || scenario.equals("all") ? new CrashScenario(args) : null;
        HostileScenario hostile = scenario.equals("hostile") || scenario.equals("all") ? new HostileScenario(args)
                : null;
        PrivacyScenario privacy = scenario.equals("privacy") || scenario.equals("all") ? new PrivacyScenario(args)
                : null;
        try {
            args.noneUnknown();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("service jar not found: " + jar + " (build it: mvn -B -o -q -pl bot -am package -DskipTests)");
            System.exit(2);
        }
        Path questionnaires = work.resolve("questionnaires");
        Files.createDirectories(questionnaires);
        try (InputStream in = Main.class.getResourceAsStream("/reliability/harness.yaml")) {
            Files.write(questionnaires.resolve("harness.yaml"), in.readAllBytes());
        }
        Setup setup = new Setup(jar, work, questionnaires, "harness-analyst-" + Long.toHexString(new SecureRandom()
                .nextLong()), runId);
        Report report = new Report();
        report.line("# Reliability run: " + scenario + " — " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        report.line("");
        report.line("Jar `" + jar + "`, work folder `" + work + "`, marker prefix `" + runId + "`.");
        report.line("Load before (/proc/loadavg: 1, 5, 15 min, threads): `" + uptime() + "`");
        report.line("");
        try {
            if (crash != null) {
                crash.with(setup).run(report);
            }
            if (hostile != null) {
                hostile.with(setup).run(report);
            }
            if (privacy != null) {
                privacy.with(setup).run(report);
            }
        } catch (Exception e) {
            report.checkTrue("the harness ran to its end", false, e.toString());
        }
        report.line("");
        report.line("Load after (/proc/loadavg): `" + uptime() + "`");
        Path results = work.resolve("results.md");
        report.writeTo(results);
        List<String> failures = report.failures();
        System.out.println();
        System.out.println(failures.isEmpty() ? "RESULT: all checks passed" : "RESULT: " + failures.size()
                + " check(s) failed: " + String.join("; ", failures));
        System.out.println("results: " + results);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
