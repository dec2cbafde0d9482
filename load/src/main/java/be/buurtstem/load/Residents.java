package be.buurtstem.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated residents going through a questionnaire on Telegram. Each one's next message follows the bot's last
 * message to them, as a person reads it: the first is {@code /start QUESTIONNAIRE}; after a question with buttons
 * they mostly press one (the first, i.e. "yes, I take part" / "yes it matters", 70 %; another, 20 %) and sometimes
 * type (10 %); after a question without buttons they type a realistic answer: a sentence of the bundled seed
 * examples in their language. What the next message is, is decided when it is sent, never ahead: the timing stays
 * open-loop (fixed intended send times), the content reacts to what the service has answered so far.
 */
final class Residents {
    static final String[] LANGUAGES = {"nl", "fr", "ar", "tr", "en"};
    /** The neighbourhood's mix (Brussels-like): nl, fr, ar, tr, en. */
    private static final double[] SHARE = {0.35, 0.35, 0.15, 0.10, 0.05};

    private final long firstChat;
    private final int count;
    private final String startCommand;
    private final FakeTelegram telegram;
    private final int[] steps;
    private final String[] language;
    private final SplittableRandom random;
    private final Map<String, List<String>> texts;
    private boolean firstButtonOnly;
    private String[] script;

    Residents(long firstChat, int count, String questionnaire, FakeTelegram telegram, long seed) {
        this.firstChat = firstChat;
        this.count = count;
        this.startCommand = questionnaire == null || questionnaire.isBlank() ? "/start" : "/start " + questionnaire;
        this.telegram = telegram;
        this.steps = new int[count];
        this.language = new String[count];
        this.random = new SplittableRandom(seed);
        this.texts = seedTexts();
        for (int i = 0; i < count; i++) {
            language[i] = pick(random.nextDouble());
        }
    }

    /** Every resident speaks {@code lang} and always presses the first button (a scripted questionnaire). */
    Residents scripted(String lang) {
        java.util.Arrays.fill(language, lang);
        firstButtonOnly = true;
        return this;
    }

    /**
     * Every resident speaks {@code lang} and sends these steps whatever the bot answered (so that a slow service
     * does not change what is sent): {@code press:DATA} presses a button, {@code type} types a seed answer, anything
     * else is sent as text; past the last step they type.
     */
    Residents fixed(String lang, String... script) {
        java.util.Arrays.fill(language, lang);
        this.script = script.clone();
        return this;
    }

    static String pick(double u) {
        double acc = 0;
        for (int i = 0; i < SHARE.length; i++) {
            acc += SHARE[i];
            if (u < acc) {
                return LANGUAGES[i];
            }
        }
        return LANGUAGES[LANGUAGES.length - 1];
    }

    int count() {
        return count;
    }

    long chat(int resident) {
        return firstChat + resident;
    }

    /** The next update of resident {@code i} (0-based), with that update id; one caller per resident at a time. */
    synchronized String next(int i, long updateId) {
        int step = steps[i]++;
        long chat = chat(i);
        String lang = language[i];
        if (script != null) {
            String s = step < script.length ? script[step] : "type";
            if (s.startsWith("press:")) {
                return Updates.callback(updateId, chat, lang, s.substring("press:".length()));
            }
            return Updates.text(updateId, chat, lang, s.equals("type") ? typed(lang) : s);
        }
        if (step == 0) {
            return Updates.text(updateId, chat, lang, startCommand);
        }
        FakeTelegram.Last last = telegram == null ? null : telegram.last(chat);
        if (last != null && !last.buttons().isEmpty()) {
            double u = firstButtonOnly ? 0 : random.nextDouble();
            if (u < 0.7) {
                return Updates.callback(updateId, chat, lang, last.buttons().getFirst());
            }
            if (u < 0.9) {
                return Updates.callback(updateId, chat, lang, last.buttons().get(random.nextInt(last.buttons().size())));
            }
        }
        return Updates.text(updateId, chat, lang, typed(lang));
    }

    /** A typed free-text answer in that language. */
    synchronized String typed(String lang) {
        List<String> pool = texts.getOrDefault(lang, texts.get("nl"));
        return pool.get(random.nextInt(pool.size()));
    }

    /** The bundled seed examples (content module), by language: realistic answers of residents. */
    static Map<String, List<String>> seedTexts() {
        Map<String, List<String>> byLanguage = new HashMap<>();
        try (InputStream in = Residents.class.getResourceAsStream("/be/buurtstem/content/seed-examples.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("seed examples missing from the class path (content module)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = FakeTelegram.JSON.readTree(line);
                String text = n.path("text").asText();
                if (!text.isBlank() && !text.startsWith("/")) {
                    byLanguage.computeIfAbsent(n.path("language").asText("nl"), k -> new ArrayList<>()).add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byLanguage;
    }
}
