package be.buurtstem.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulated resident on Telegram answering the harness questionnaire like a person: each message is sent once the
 * bot's previous question has arrived (or a bound has passed). Remembers which update carried which answer.
 */
final class Resident {
    /** One answer the resident sent: its update and text. */
    record SentAnswer(long updateId, String question, String text) {
    }

    static final String[] QUESTIONS = {"q1", "q2", "q3"};

    final long chat;
    final String marker;
    final List<SentAnswer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Long> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Long> replyMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
    int unanswered; // steps whose reply did not come within the bound
    boolean finished;

    private final FakeTelegram telegram;
    private final TelegramChannel channel;

    Resident(long chat, String marker, FakeTelegram telegram, TelegramChannel channel) {
        this.chat = chat;
        this.marker = marker;
        this.telegram = telegram;
        this.channel = channel;
    }

    /** The answer text to a question: unique per resident and question, ending in the marker. */
    String answerText(String question) {
        return "resident " + chat + " answers " + question + " " + marker;
    }

    /** Starts the harness questionnaire, consents, answers the three questions; false when a bound passed. */
    boolean run(long replyBoundMillis, long deadlineMillis) {
        String chatId = String.valueOf(chat);
        if (!step(Updates.text(0, chat, "/start harness"), "HCONSENT", replyBoundMillis, deadlineMillis, null, null)) {
            return false;
        }
        if (!step(Updates.callback(0, chat, "o:yes", "HCONSENT"), "HQ1", replyBoundMillis, deadlineMillis, null, null)) {
            return false;
        }
        String[] next = {"HQ2", "HQ3", "HEND"};
        for (int i = 0; i < QUESTIONS.length; i++) {
            String text = answerText(QUESTIONS[i]);
            if (!step(null, next[i], replyBoundMillis, deadlineMillis, QUESTIONS[i], text)) {
                return false;
            }
        }
        finished = true;
        return telegram.sentTo(chatId).stream().anyMatch(s -> s.text().startsWith("HEND"));
    }

    /** Sends one update (a template with update_id 0 is given a fresh id) and waits for the reply tagged {@code tag}. */
    boolean step(String template, String tag, long replyBoundMillis, long deadlineMillis, String question, String text) {
        long id = telegram.newUpdateId();
        String json = template == null ? Updates.text(id, chat, text)
                : template.replaceFirst("\"update_id\":0", "\"update_id\":" + id);
        if (question != null) {
            synchronized (answers) {
                answers.add(new SentAnswer(id, question, text));
            }
        }
        updates.add(id);
        long t0 = System.currentTimeMillis();
        channel.deliver(id, json, deadlineMillis);
        String chatId = String.valueOf(chat);
        long until = Math.min(deadlineMillis, t0 + replyBoundMillis);
        while (System.currentTimeMillis() < until) {
            if (telegram.sentTo(chatId).stream().anyMatch(s -> s.text().startsWith(tag))) {
                replyMillis.add(System.currentTimeMillis() - t0);
                return true;
            }
            sleep(50);
        }
        unanswered++;
        return System.currentTimeMillis() < deadlineMillis; // go on: a lost reply is counted, not waited for forever
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
