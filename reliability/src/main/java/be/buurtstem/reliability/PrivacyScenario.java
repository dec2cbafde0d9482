package be.buurtstem.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * privacy: residents answer with unique marker words, an analyst decides on their answers and the coder retrains (so
 * that a model version has learnt from them), the residents ask to delete their answers, the service runs its
 * documented clean-up (a parameter: waits, restarts, stop), and every file under the data folder is searched for the
 * deleted residents' markers (plain, UTF-16, inside zips). One resident keeps their answers: finding their marker on
 * disk shows the search sees stored text at all.
 */
final class PrivacyScenario {
    private Main.Setup setup;
    private final int deleters;
    private final boolean retrain;
    private final String cleanup;
    private final Duration bound;

    PrivacyScenario(Args args) {
        this.deleters = args.integer("deleters", 3);
        this.retrain = args.bool("retrain", true);
        this.cleanup = args.str("cleanup", "restart,wait:75s,stop");
        this.bound = args.duration("reply-bound", "60s");
    }

    PrivacyScenario with(Main.Setup setup) {
        this.setup = setup;
        return this;
    }

    void run(Report report) throws Exception {
        report.line("## privacy");
        report.line("");
        report.line(deleters + " Telegram residents and 1 web-chat resident delete their answers, 1 keeps them; retraining on their answers: " + retrain
                + "; clean-up after the deletions: `" + cleanup + "`.");
        Path dir = setup.work().resolve("privacy");
        Path data = dir.resolve("data");
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, String> env = setup.env(data, telegram);
            env.put("BUURTSTEM_CODING_FOLDS", "2");
            env.put("BUURTSTEM_CODING_ITERATIONS", "20");
            Service service = new Service(setup.jar(), dir.resolve("service.log"), env);
            service.start(Duration.ofMinutes(2));
            Http http = new Http(Duration.ofSeconds(30));
            TelegramChannel channel = new TelegramChannel.Polling(telegram);
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
            List<Resident> all = new ArrayList<>();
            for (int i = 0; i <= deleters; i++) {
                Resident r = new Resident(40_000_000L + i, setup.marker("p"), telegram, channel);
                all.add(r);
                r.run(bound.toMillis(), deadline);
            }
            Resident keeper = all.getLast();
            List<Resident> deleting = all.subList(0, deleters);
            WebResident web = new WebResident(http, service.base(), setup.marker("p"));
            web.run(bound.toMillis());
            List<String> deletedMarkers = new ArrayList<>(deleting.stream().map(r -> r.marker).toList());
            deletedMarkers.add(web.marker);
            List<String> markers = new ArrayList<>(deletedMarkers);
            markers.add(keeper.marker);
            report.table();
            report.figure("answers stored before the deletions", http.export(service.base(), setup.analystToken(),
                    "harness").size());
            if (retrain) {
                report.figure("retraining on the residents' answers", retrain(http, service.base()));
            }
            Map<String, List<String>> before = DiskSearch.find(data, markers);
            report.figure("deleted residents' markers on disk before the deletion (the probe works)",
                    deletedMarkers.stream().filter(before::containsKey).count() + " of " + deletedMarkers.size() + " "
                            + files(before, deletedMarkers));
            int confirmed = 0;
            for (Resident r : deleting) {
                if (delete(r, telegram, channel, deadline)) {
                    confirmed++;
                }
            }
            if (web.delete(bound.toMillis())) {
                confirmed++;
            }
            report.figure("deletions confirmed to the resident (Telegram + web chat)", confirmed + " of "
                    + deletedMarkers.size());
            List<Http.Answer> after = http.export(service.base(), setup.analystToken(), "harness");
            long visible = after.stream().filter(a -> deletedMarkers.stream().anyMatch(m -> a.text().contains(m)))
                    .count();
            report.check("deleted answers still in the analyst export", visible, 0);
            long t0 = System.currentTimeMillis();
            for (String step : cleanup.split(",")) {
                step = step.trim();
                if (step.equals("restart")) {
                    service.stop();
                    service.start(Duration.ofMinutes(2));
                } else if (step.equals("stop")) {
                    service.stop();
                } else if (step.equals("kill")) {
                    service.kill();
                } else if (step.startsWith("wait:")) {
                    Thread.sleep(Args.parseDuration(step.substring(5)).toMillis());
                } else if (!step.isEmpty()) {
                    throw new IllegalArgumentException("clean-up steps are restart, stop, kill, wait:DURATION; not " + step);
                }
            }
            service.stop();
            report.figure("clean-up took", (System.currentTimeMillis() - t0) / 1000 + " s");
            Map<String, List<String>> found = DiskSearch.find(data, markers);
            long stillThere = deletedMarkers.stream().filter(found::containsKey).count();
            report.check("files under the data folder holding a deleted resident's marker (" + stillThere + " of "
                    + deletedMarkers.size() + " markers found) " + files(found, deletedMarkers), topLevelFiles(found, deletedMarkers), 0);
            report.figure("the keeper's marker on disk (stored text is visible to the search)", found.containsKey(
                    keeper.marker) ? "yes: " + files(found, List.of(keeper.marker)) : "no (encrypted or compressed: the search is blind)");
            List<String> open = DiskSearch.readableByOthers(data);
            report.check("data files readable by group or others " + (open.isEmpty() ? "" : open.toString()),
                    open.size(), 0);
            long logHits = Files.readAllLines(service.log(), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> markers.stream().anyMatch(l::contains)).count();
            report.check("log lines holding a resident's marker", logHits, 0);
        }
    }

    /** The files holding any of the markers, a zip's entries counted under the zip: "[a.mv.db, models/m.zip (21 entries)]". */
    private static String files(Map<String, List<String>> found, List<String> markers) {
        Map<String, Integer> entries = new java.util.TreeMap<>();
        markers.stream().flatMap(m -> found.getOrDefault(m, List.of()).stream()).distinct()
                .forEach(n -> entries.merge(topLevel(n), n.contains("!") ? 1 : 0, Integer::sum));
        if (entries.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        entries.forEach((f, n) -> out.add(n == 0 ? f : f + " (" + n + " entries)"));
        return out.toString();
    }

    private static String topLevel(String name) {
        String n = name.contains("!") ? name.substring(0, name.indexOf('!')) : name;
        return n.contains(" (") ? n.substring(0, n.indexOf(" (")) : n;
    }

    private static long topLevelFiles(Map<String, List<String>> found, List<String> markers) {
        return markers.stream().flatMap(m -> found.getOrDefault(m, List.of()).stream()).map(PrivacyScenario::topLevel)
                .distinct().count();
    }

    /** An analyst adds a theme to every answer, then the coder retrains; returns what happened. */
    private String retrain(Http http, String base) {
        String auth = "Bearer " + setup.analystToken();
        Http.Reply list = http.get(base + "/api/analyst/answers?questionnaire=harness&size=200", "Authorization", auth);
        int decided = 0;
        for (JsonNode a : list.json().path("answers")) {
            Http.Reply r = http.post(base + "/api/analyst/answers/" + java.net.URLEncoder.encode(a.path("id").asText(),
                            StandardCharsets.UTF_8) + "/decisions",
                    "{\"action\":\"add\",\"theme\":\"housing\"}".getBytes(StandardCharsets.UTF_8), "Authorization", auth,
                    "Content-Type", "application/json");
            if (r.status() / 100 == 2) {
                decided++;
            }
        }
        Http.Reply start = http.post(base + "/api/analyst/retrain", new byte[0], "Authorization", auth);
        long until = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < until) {
            JsonNode m = http.get(base + "/api/analyst/models", "Authorization", auth).json();
            if (!m.path("training").asBoolean(true) && !m.path("current_model").isNull()
                    && !m.path("current_model").isMissingNode()) {
                return decided + " decisions, retrain " + start.status() + ", model " + m.path("current_model").asText()
                        + " in use";
            }
            Resident.sleep(1000);
        }
        return decided + " decisions, retrain " + start.status() + ", no model within 240 s";
    }

    /** /delete, then the confirmation button; true when the service confirmed a new message after the press. */
    private static boolean delete(Resident r, FakeTelegram telegram, TelegramChannel channel, long deadline) {
        String chat = String.valueOf(r.chat);
        int before = telegram.sentTo(chat).size();
        long id = telegram.newUpdateId();
        channel.deliver(id, Updates.text(id, r.chat, "/delete"), deadline);
        long until = Math.min(deadline, System.currentTimeMillis() + 60_000);
        while (System.currentTimeMillis() < until && telegram.sentTo(chat).size() <= before) {
            Resident.sleep(50);
        }
        List<FakeTelegram.Sent> sent = telegram.sentTo(chat);
        if (sent.size() <= before) {
            return false;
        }
        FakeTelegram.Sent ask = sent.getLast();
        if (!ask.markup().path("inline_keyboard").toString().contains("o:yes")) {
            return true; // deleted without asking
        }
        int asked = sent.size();
        long press = telegram.newUpdateId();
        channel.deliver(press, Updates.callback(press, r.chat, "o:yes", ask.text()), deadline);
        until = Math.min(deadline, System.currentTimeMillis() + 60_000);
        while (System.currentTimeMillis() < until && telegram.sentTo(chat).size() <= asked) {
            Resident.sleep(50);
        }
        return telegram.sentTo(chat).size() > asked;
    }
}
