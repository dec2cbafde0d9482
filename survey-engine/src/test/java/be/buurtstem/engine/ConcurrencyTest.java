package be.buurtstem.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One Conversation serves every resident at once: replies on many threads equal the single-threaded ones. */
class ConcurrencyTest {

    private static List<String> transcript(Conversation conv, String lang) {
        List<String> out = new ArrayList<>();
        Turn t = conv.start(lang, RespondentContext.NONE, Fixtures.T0);
        String[] replies = {lang, "yes", "12", "2", "1", "kids", "3", "1", "4", "1, 4", "tekst", "4", "1", "Straat", "1",
                "bomen", "1, 2", "3", "2", "1", "Plein", "1", "x", "skip", "no"};
        for (String r : replies) {
            t = conv.reply(t.state(), Input.text(r), Fixtures.T0);
            t.messages().forEach(m -> out.add(m.text() + " " + m.buttons()));
        }
        out.add(StateCodec.toJson(t.state()));
        return out;
    }

    @Test
    void concurrentConversationsGiveTheSameResults() throws Exception {
        Conversation conv = new Conversation(Fixtures.buurtleven());
        List<String> langs = List.of("nl", "fr", "ar", "tr", "en");
        List<List<String>> expected = langs.stream().map(l -> transcript(new Conversation(Fixtures.buurtleven()), l)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String lang = langs.get(i % langs.size());
                futures.add(pool.submit(() -> transcript(conv, lang)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % langs.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
