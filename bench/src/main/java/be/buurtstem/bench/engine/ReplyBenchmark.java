package be.buurtstem.bench.engine;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.StateCodec;
import be.buurtstem.engine.Turn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link Conversation#reply} on the realistic 40-question test questionnaire (buurtleven.yaml,
 * shared with the engine's tests). One complete conversation is recorded once as (state, input) pairs; each
 * benchmark call replays the next pair, so every node, kind of input and state size is measured in proportion.
 *
 * <pre>
 * mvn -B -o -Pbench -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ReplyBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s -t 1 -prof gc
 * </pre>
 * Run from the repository root (or pass {@code -p file=PATH}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplyBenchmark {

    @Param("survey-engine/src/test/resources/questionnaires/buurtleven.yaml")
    public String file;

    /** buttons: what a Telegram resident mostly sends; typed: labels, local digits, yes/no words, a typo. */
    @Param({"buttons", "typed"})
    public String style;

    private Conversation conversation;
    private final List<ConversationState> states = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    private int next;
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Setup
    public void setup() throws IOException {
        LoadResult r = QuestionnaireLoader.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        if (r.hasErrors()) {
            throw new IllegalStateException(r.problems().toString());
        }
        conversation = new Conversation(r.questionnaire());
        Turn t = conversation.start("nl", RespondentContext.of("bench"), now);
        for (Input in : style.equals("typed") ? typed() : buttons()) {
            states.add(t.state());
            inputs.add(in);
            json.add(StateCodec.toJson(t.state()));
            t = conversation.reply(t.state(), in, now);
        }
        if (!t.finished()) {
            throw new IllegalStateException("the benchmark conversation did not complete; stuck at " + t.state().node());
        }
    }

    private static List<Input> buttons() {
        List<Input> in = new ArrayList<>();
        for (String s : new String[]{"nl", "yes"}) {
            in.add(Input.choice(s));
        }
        in.add(Input.text("12"));
        for (String s : new String[]{"a30_49", "centrum", "kids"}) {
            in.add(Input.choice(s));
        }
        in.add(Input.text("2"));
        for (String s : new String[]{"private_rent", "4", "damp", "noise", "_done"}) {
            in.add(Input.choice(s));
        }
        in.add(Input.text("De muren zijn nat en de huur stijgt elk jaar, terwijl er niets hersteld wordt."));
        in.add(Input.choice("4"));
        in.add(Input.choice("2"));
        in.add(new Input.Location(50.8466, 4.3528));
        in.add(Input.choice("daily"));
        in.add(Input.text("Meer bomen en bankjes in de schaduw"));
        for (String s : new String[]{"park", "market", "_done", "3"}) {
            in.add(Input.choice(s));
        }
        in.add(Input.text("11"));
        in.add(Input.choice("sometimes"));
        in.add(Input.text("Het park"));
        in.add(Input.choice("good"));
        in.add(Input.text("Rustig"));
        in.add(new Input.Photo("file-1", "de hoek"));
        in.add(Input.choice("yes"));
        in.add(Input.text("Station"));
        in.add(Input.choice("bad"));
        in.add(Input.text("Donker en vuil"));
        in.add(Input.choice("skip"));
        in.add(Input.choice("no"));
        for (String s : new String[]{"walk", "transit", "_done", "5", "3", "none_known", "_done", "never", "no", "maybe",
                "events", "_done"}) {
            in.add(Input.choice(s));
        }
        in.add(Input.text("De mensen"));
        in.add(Input.text("Minder verkeer"));
        for (String s : new String[]{"1", "stay", "no", "5"}) {
            in.add(Input.choice(s));
        }
        return in;
    }

    private static List<Input> typed() {
        List<Input> in = new ArrayList<>();
        for (String s : new String[]{"Nederlands", "ja", "١٢", "30 tot 49", "CENTRUM", "met kinderen", "2", "2", "🙂", "1, 4",
                "De muren zijn nat en de huur stijgt elk jaar, terwijl er niets hersteld wordt.", "4", "2", "Kerkstraat",
                "elke dga", "Meer bomen", "park, markt", "3", "11", "soms", "Het park", "ja fijn", "Rustig", "overslaan",
                "ja", "Station", "nee niet fijn", "overslaan", "overslaan", "nee", "1 3", "5", "😐", "geen", "nooit", "nee",
                "misschien", "buurtfeesten", "De mensen", "Minder verkeer", "1", "ja ik blijf", "nee", "5"}) {
            in.add(Input.text(s));
        }
        return in;
    }

    @Benchmark
    public Turn reply() {
        int i = next;
        next = i + 1 == inputs.size() ? 0 : i + 1;
        return conversation.reply(states.get(i), inputs.get(i), now);
    }

    /** What a service does around each reply: read the stored state, reply, write the new state. */
    @Benchmark
    public String replyWithJson() {
        int i = next;
        next = i + 1 == inputs.size() ? 0 : i + 1;
        Turn t = conversation.reply(StateCodec.fromJson(json.get(i)), inputs.get(i), now);
        return StateCodec.toJson(t.state());
    }
}
