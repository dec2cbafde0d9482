package be.buurtstem.reliability;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** A resident in the web chat answering the harness questionnaire: hello, consent, three texts, each call timed. */
final class WebResident {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** The controls' own client address (the storm's are 10.0.0-3.x). */
    static final String CLIENT = "10.200.0.1";

    final String cookie;
    final String marker;
    final List<Resident.SentAnswer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Long> replyMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
    int slow; // calls slower than the bound, or not answered 200 with the expected question
    String firstProblem;

    private final Http http;
    private final String base;

    WebResident(Http http, String base, String marker) {
        this.http = http;
        this.base = base;
        this.marker = marker;
        StringBuilder sb = new StringBuilder("w");
        while (sb.length() < 30) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        this.cookie = sb.toString();
    }

    String answerText(String question) {
        return "web resident answers " + question + " " + marker;
    }

    void run(long boundMillis) {
        call("hello", "{}", "HCONSENT", boundMillis);
        call("send", "{\"id\":\"c0\",\"choice\":\"yes\"}", "HQ1", boundMillis);
        String[] next = {"HQ2", "HQ3", "HEND"};
        for (int i = 0; i < Resident.QUESTIONS.length; i++) {
            String text = answerText(Resident.QUESTIONS[i]);
            answers.add(new Resident.SentAnswer(i, Resident.QUESTIONS[i], text));
            call("send", "{\"id\":\"c" + (i + 1) + "\",\"text\":" + Hostile.str(text) + "}", next[i], boundMillis);
        }
    }

    /** "Delete my answers" in the web chat, confirmed with the yes button when asked; true when it answered 200. */
    boolean delete(long boundMillis) {
        Http.Reply r = http.post(base + "/chat/harness/api/delete", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Cookie", "buurtstem_chat=" + cookie, "Accept-Language", "en",
                "X-Forwarded-For", CLIENT);
        if (r.status() == 200 && r.body().contains("\"id\":\"yes\"")) {
            r = http.post(base + "/chat/harness/api/send", "{\"id\":\"d1\",\"choice\":\"yes\"}".getBytes(
                            StandardCharsets.UTF_8), "Content-Type", "application/json", "Cookie", "buurtstem_chat=" + cookie,
                    "Accept-Language", "en", "X-Forwarded-For", CLIENT);
        }
        return r.status() == 200;
    }

    private void call(String endpoint, String body, String tag, long boundMillis) {
        Resident.sleep(300); // a person reads before answering (and stays under any per-client rate limit)
        long t0 = System.currentTimeMillis();
        Http.Reply r = http.post(base + "/chat/harness/api/" + endpoint, body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Cookie", "buurtstem_chat=" + cookie, "Accept-Language", "en",
                "X-Forwarded-For", CLIENT);
        long took = System.currentTimeMillis() - t0;
        replyMillis.add(took);
        if (r.status() != 200 || !r.body().contains(tag) || took > boundMillis) {
            slow++;
            if (firstProblem == null) {
                firstProblem = endpoint + " answered " + r.status() + " after " + took + " ms";
            }
        }
    }
}
