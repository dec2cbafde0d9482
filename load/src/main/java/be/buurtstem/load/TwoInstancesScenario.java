package be.buurtstem.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * two-instances: {@code java -jar JAR db} runs the store on its own, two {@code serve} instances share it through
 * {@code MONGODB_URI}; the webhook load (harness questionnaire, open loop, posted again to the other instance when
 * one fails, like a load balancer in front of Telegram's retries) alternates between them, and one instance is
 * SIGKILLed half-way. Stated: throughput; checked: no message sent twice (same text to the same chat), no answer
 * that was answered 200 missing from the store, none stored twice. Skipped with a message when the jar has no
 * {@code db} command.
 */
final class TwoInstancesScenario {
    private final double rate;
    private final int residents;

    TwoInstancesScenario(Args args, boolean alone) {
        this.rate = Double.parseDouble(args.scoped("two", "rate", alone, "200"));
        this.residents = Integer.parseInt(args.scoped("two", "residents", alone, "1000"));
    }

    /** The jar's {@code db --help}, or null when it has no such command. */
    static String dbHelp(Path jar) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "db", "--help").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        String text = new String(out, StandardCharsets.UTF_8);
        // picocli answers an unknown command's --help with the main usage (exit 0): the db command's own usage says so
        boolean known = java.util.regex.Pattern.compile("Usage: \\S+ db\\b").matcher(text).find();
        return p.exitValue() == 0 && known ? text : null;
    }

    Map<String, String> run(Setup setup, Report report) throws Exception {
        report.line("### two instances on one store");
        Map<String, String> f = new LinkedHashMap<>();
        String help = dbHelp(setup.jar());
        if (help == null) {
            String msg = "skipped: `" + setup.jar().getFileName() + "` has no `db` command (java -jar JAR db --help "
                    + "fails); the issue's two-instance layout is not in this jar";
            report.line(msg);
            f.put("two instances", msg);
            return f;
        }
        Path dir = setup.work().resolve("two-instances");
        int dbPort = Service.freePort();
        // the db command's options as its help names them; else the environment the service uses
        String command = "db" + (help.contains("--port") ? " --port " + dbPort : "")
                + (help.contains("--data") ? " --data " + dir.resolve("db-data") : "");
        Service db = new Service(setup.jar(), dir.resolve("db.log"), Map.of("BUURTSTEM_DATA_DIR",
                dir.resolve("db-data").toString(), "BUURTSTEM_DB_PORT", String.valueOf(dbPort)), setup.jvm(List.of()),
                command);
        java.nio.file.Files.createDirectories(dir.resolve("db-data"));
        db.launch();
        awaitPort(dbPort, Duration.ofSeconds(60));
        try (FakeTelegram telegram = new FakeTelegram()) {
            telegram.keepCopies();
            Map<String, String> extra = new HashMap<>(setup.extraEnv());
            extra.put("MONGODB_URI", "mongodb://127.0.0.1:" + dbPort);
            // one respondent-id key for both (each data folder would otherwise generate its own)
            extra.put("BUURTSTEM_SECRET", "load-" + Long.toHexString(new java.security.SecureRandom().nextLong())
                    + Long.toHexString(new java.security.SecureRandom().nextLong()));
            Setup shared = new Setup(setup.jar(), setup.work(), setup.jvm(), extra, setup.analystToken(),
                    setup.secret(), setup.questionnaires(), setup.seed());
            Service a = shared.webhookService(dir.resolve("a"), telegram, List.of());
            Service b = shared.webhookService(dir.resolve("b"), telegram, List.of());
            a.settle(Duration.ofSeconds(60));
            b.settle(Duration.ofSeconds(60));
            OpenLoop loop = new OpenLoop(List.of(shared.webhookUrl(a), shared.webhookUrl(b)), setup.secret(), true,
                    Duration.ofSeconds(30), 40, Duration.ofSeconds(120));
            Residents people = new Residents(5_000_000_000L, residents, "harness", telegram, setup.seed())
                    .fixed("en", "/start harness", "press:o:yes", "type", "type", "type");
            int updates = residents * 5;
            double runSeconds = updates / rate;
            Thread killer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep((long) (runSeconds * 500));
                    b.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            OpenLoop.Result r = loop.run(people, telegram, rate, runSeconds);
            killer.join();
            WebhookScenario.put(f, r, rate);
            long answered = r.okBetween(2 * residents, 5 * residents);
            Map<String, Integer> perRespondentQuestion = new HashMap<>();
            int stored = 0;
            for (JsonNode n : export(a.base(), setup.analystToken())) {
                stored++;
                perRespondentQuestion.merge(n.path("respondent").asText() + "/" + n.path("question").asText(), 1,
                        Integer::sum);
            }
            long twice = perRespondentQuestion.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
            f.put("instance B SIGKILLed at", String.format(java.util.Locale.ROOT, "%.1f s", runSeconds / 2));
            f.put("free-text answers answered 200 / stored", answered + " / " + stored);
            f.put("answers lost (answered 200, not stored)", String.valueOf(Math.max(0, answered - stored)));
            f.put("answers stored twice (respondent + question)", String.valueOf(twice));
            f.put("messages sent twice (same text, same chat)", String.valueOf(telegram.sentTwice()));
            loop.close();
            a.stop();
        } finally {
            db.stop();
        }
        report.table(f);
        return f;
    }

    static void awaitPort(int port, Duration bound) throws InterruptedException {
        long until = System.currentTimeMillis() + bound.toMillis();
        while (System.currentTimeMillis() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("db did not open port " + port + " within " + bound.toSeconds() + " s");
    }

    static List<JsonNode> export(String base, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/analyst/export?questionnaire=harness&kind=free_text&format=jsonl"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("analyst export answered " + r.statusCode());
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank()) {
                out.add(FakeTelegram.JSON.readTree(line));
            }
        }
        return out;
    }
}
