package be.buurtstem.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load harness (load/README.md): {@code java -jar load.jar SCENARIO [--options]} with SCENARIO one of webhook,
 * polling, coding, memory, startup, two-instances, all, or {@code compare --baseline JAR --candidate JAR
 * [--scenarios webhook,polling,...]}. It runs the jar under test as child processes on 127.0.0.1 only, against a
 * fake Telegram Bot API, every loop bounded in count and time. Exit 0 when it ran to its end, 1 when a scenario
 * failed to run, 2 on a usage error. It states figures; it does not judge them.
 */
public final class Main {
    static final List<String> SCENARIOS = List.of("startup", "webhook", "polling", "coding", "memory",
            "two-instances");

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !(SCENARIOS.contains(argv[0]) || argv[0].equals("all") || argv[0].equals("compare"))) {
            System.err.println("usage: load startup|webhook|polling|coding|memory|two-instances|all [--jar JAR] [options]"
                    + "\n       load compare --baseline JAR --candidate JAR [--scenarios webhook,polling] [options]"
                    + "\n(see load/README.md)");
            System.exit(2);
        }
        String scenario = argv[0];
        Args args = new Args(argv, 1);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path work = Path.of(args.str("work", "load/target/runs/" + scenario + "-" + stamp)).toAbsolutePath();
        List<String> jvm = new ArrayList<>();
        for (String o : args.str("jvm", "").split("\\s+")) {
            if (!o.isBlank()) {
                jvm.add(o);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : args.str("env", "").split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        long seed = Long.parseLong(args.str("seed", "17"));
        List<String> chosen;
        Path baseline = null;
        Path candidate = null;
        if (scenario.equals("compare")) {
            baseline = jar(args.str("baseline", null));
            candidate = jar(args.str("candidate", null));
            chosen = List.of(args.str("scenarios", "webhook").split(","));
        } else {
            chosen = scenario.equals("all") ? SCENARIOS : List.of(scenario);
        }
        boolean alone = chosen.size() == 1;
        Map<String, Scenario> runs = new LinkedHashMap<>();
        for (String s : chosen) {
            runs.put(s.strip(), scenario(s.strip(), args, alone));
        }
        Path jar = scenario.equals("compare") ? null : jar(args.str("jar", "bot/target/buurtstem.jar"));
        try {
            args.noneUnknown();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Files.createDirectories(work);
        Report report = new Report();
        report.line("## Load run: `" + String.join(" ", argv) + "` — " + DateTimeFormatter.ISO_INSTANT.format(
                Instant.now()));
        report.line("");
        report.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average before `"
                + ProcessStats.loadAverage() + "`; service JVM `" + System.getProperty("java.version") + "` with "
                + (jvm.isEmpty() ? "default options" : "`" + String.join(" ", jvm) + "`") + "; work folder `" + work
                + "`.");
        report.line("");
        int status = 0;
        try {
            if (baseline != null) {
                Setup a = Setup.of(baseline, work.resolve("baseline"), jvm, env, seed);
                Setup b = Setup.of(candidate, work.resolve("candidate"), jvm, env, seed);
                report.line("Baseline `" + baseline + "`, candidate `" + candidate + "`, run back to back.");
                for (Map.Entry<String, Scenario> e : runs.entrySet()) {
                    report.line("");
                    report.line("#### " + e.getKey() + ": baseline");
                    List<Map<String, String>> ra = e.getValue().run(a, report);
                    report.line("#### " + e.getKey() + ": candidate");
                    List<Map<String, String>> rb = e.getValue().run(b, report);
                    report.line("#### " + e.getKey() + ": side by side");
                    for (int i = 0; i < Math.max(ra.size(), rb.size()); i++) {
                        report.compare("baseline", i < ra.size() ? ra.get(i) : Map.of(), "candidate",
                                i < rb.size() ? rb.get(i) : Map.of());
                    }
                }
            } else {
                Setup setup = Setup.of(jar, work, jvm, env, seed);
                report.line("Jar `" + jar + "`.");
                report.line("");
                for (Scenario s : runs.values()) {
                    s.run(setup, report);
                }
            }
        } catch (Exception e) {
            report.line("**The run stopped: " + e + "**");
            e.printStackTrace();
            status = 1;
        }
        report.line("Load average after: `" + ProcessStats.loadAverage() + "`");
        Path results = work.resolve("results.md");
        report.writeTo(results);
        System.out.println("results: " + results);
        System.exit(status);
    }

    /** One scenario, run on one jar; several tables when it runs several rates. */
    interface Scenario {
        List<Map<String, String>> run(Setup setup, Report report) throws Exception;
    }

    static Scenario scenario(String name, Args args, boolean alone) {
        return switch (name) {
            case "webhook" -> new WebhookScenario(args, true)::run;
            case "polling" -> one(new PollingScenario(args, alone)::run);
            case "coding" -> one(new CodingScenario(args, alone)::run);
            case "memory" -> one(new MemoryScenario(args, alone)::run);
            case "startup" -> one(new StartupScenario(args, alone)::run);
            case "two-instances" -> one(new TwoInstancesScenario(args, alone)::run);
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "' (one of " + SCENARIOS + ")");
        };
    }

    interface Single {
        Map<String, String> run(Setup setup, Report report) throws Exception;
    }

    static Scenario one(Single s) {
        return (setup, report) -> List.of(s.run(setup, report));
    }

    static Path jar(String path) {
        if (path == null) {
            System.err.println("compare needs --baseline JAR and --candidate JAR");
            System.exit(2);
        }
        Path p = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            System.err.println("jar not found: " + p + " (build it: mvn -B -o -q -pl bot -am package -DskipTests)");
            System.exit(2);
        }
        return p;
    }
}
