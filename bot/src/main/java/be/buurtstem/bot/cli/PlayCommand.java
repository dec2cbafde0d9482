package be.buurtstem.bot.cli;

import be.buurtstem.bot.cli.play.Transcript;
import be.buurtstem.bot.files.LineSource;
import be.buurtstem.bot.service.questionnaires.QuestionnaireFile;
import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.StateCodec;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code play FILE [--lang L] [--script FILE]}: runs a questionnaire in the terminal, as a resident would see it,
 * so that an organiser can try every branch before publishing. With {@code --script}, one reply per line, the
 * whole transcript is printed, then the recorded answers as JSON.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Runs a questionnaire in the terminal: bot lines, numbered options, your replies.",
                "Type an option's number to press its button, or type an answer as a resident would.",
                "Special replies: @location LAT LON, @photo FILE [CAPTION], @button ID.",
                "Commands work as in the chat: stop, back, skip, language, help, my data, delete my answers.",
                "Exit 0 when the conversation finished, 1 when the replies ran out before the end or the questionnaire",
                "has errors, 2 on usage (also a script line that is not UTF-8 or longer than 1 MB: FILE:LINE: message)."})
public final class PlayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the questionnaire file (.yaml, or an XLSForm .xlsx)")
    Path file;

    @Option(names = "--lang", paramLabel = "L", description = "the language to start in (e.g. nl, fr, ar, tr, en); default: the questionnaire's default")
    String language;

    @Option(names = "--script", paramLabel = "FILE", description = "replies, one per line (blank lines and lines starting with # are skipped)")
    Path script;

    @Option(names = "--events", description = "also print the engine's events (answers recorded, reprompts, ...)")
    boolean events;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where interactive replies come from; tests replace it. */
    Reader stdin = new InputStreamReader(System.in, StandardCharsets.UTF_8);

    /** The clock for answer times; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QuestionnaireFile.Text read;
        String text;
        try {
            switch (QuestionnaireFile.read(file, file.toString())) {
                case QuestionnaireFile.Text t -> {
                    read = t;
                    text = t.text();
                }
                case QuestionnaireFile.Refused refused -> {
                    err.println(refused.problem());
                    err.println("The questionnaire has errors; fix them first (see: validate " + file + ").");
                    err.flush();
                    return 1;
                }
            }
        } catch (IOException e) {
            err.println(file + ": cannot read the file (" + e.getMessage() + ")");
            return CommandLine.ExitCode.USAGE;
        }
        LoadResult r = QuestionnaireLoader.parse(text, file.toString());
        List<Problem> problems = new java.util.ArrayList<>(read.place(r.questionnaire() == null ? r.problems()
                : java.util.stream.Stream.concat(r.problems().stream(), Validator.validate(r.questionnaire()).stream()).toList()));
        problems.addAll(read.conversionProblems());
        if (Validator.hasErrors(problems)) {
            problems.stream().filter(Problem::isError).sorted().forEach(err::println);
            err.println("The questionnaire has errors; fix them first (see: validate " + file + ").");
            err.flush();
            return 1;
        }
        Replies replies;
        boolean scripted = script != null;
        try {
            replies = scripted ? Replies.of(new LineSource(new BufferedInputStream(Files.newInputStream(script), 1 << 16)))
                    : Replies.of(new BufferedReader(stdin));
        } catch (IOException e) {
            err.println(script + ": cannot read the script (" + e.getMessage() + ")");
            return CommandLine.ExitCode.USAGE;
        }
        Conversation conversation = new Conversation(r.questionnaire());
        Transcript transcript = new Transcript(out, events);
        // Buttons are numbered lines here: the engine says "type the number", never "tap a button".
        Turn turn = conversation.start(language, new RespondentContext("cli",
                java.util.Map.of(RespondentContext.SHOWS, RespondentContext.NUMBERED)), clock.instant());
        transcript.turn(turn, turn.state().language());
        try (replies) {
            while (!turn.finished()) {
                if (!scripted) {
                    out.print("> ");
                    out.flush();
                }
                String line = replies.next();
                if (line == null) {
                    break;
                }
                if (line == LineSource.INVALID_UTF8 || line == LineSource.TOO_LONG) {
                    // one line naming the place, not a stack trace; the script is input like a command-line argument
                    err.println(script + ":" + replies.lineNumber() + ": "
                            + (line == LineSource.TOO_LONG ? LineSource.TOO_LONG_MESSAGE : "not valid UTF-8"));
                    err.flush();
                    return CommandLine.ExitCode.USAGE;
                }
                if (scripted && (line.isBlank() || line.startsWith("#"))) {
                    continue;
                }
                if (scripted) {
                    transcript.resident(line, turn.state().language());
                }
                Input input = toInput(line, turn.messages());
                turn = conversation.reply(turn.state(), input, clock.instant());
                transcript.turn(turn, turn.state().language());
            }
        }
        out.println();
        out.println(turn.finished() ? "— conversation " + turn.state().status().name().toLowerCase(java.util.Locale.ROOT) + " —"
                : "— the replies ran out before the end (at '" + turn.state().node() + "') —");
        out.println("answers:");
        ArrayNode answers = JsonNodeFactory.instance.arrayNode();
        for (Answer a : turn.state().answers()) {
            answers.add(StateCodec.answer(a));
        }
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(answers));
        out.flush();
        return turn.finished() ? 0 : 1;
    }

    /** The replies: a script read through {@link LineSource} (bounded lines, strict UTF-8), or the keyboard. */
    private interface Replies extends AutoCloseable {
        String next() throws IOException;

        long lineNumber();

        @Override
        void close() throws IOException;

        static Replies of(LineSource lines) {
            return new Replies() {
                public String next() throws IOException {
                    return lines.next();
                }

                public long lineNumber() {
                    return lines.lineNumber();
                }

                public void close() throws IOException {
                    lines.close();
                }
            };
        }

        static Replies of(BufferedReader keyboard) {
            return new Replies() {
                private long n;

                public String next() throws IOException {
                    String line = keyboard.readLine();
                    n += line == null ? 0 : 1;
                    return line;
                }

                public long lineNumber() {
                    return n;
                }

                public void close() throws IOException {
                    keyboard.close();
                }
            };
        }
    }

    /**
     * A typed line as the channel would deliver it: a number that matches a shown button is a press of that
     * button; {@code @location}, {@code @photo} and {@code @button} stand for what a phone would send.
     */
    static Input toInput(String line, List<OutboundMessage> shown) {
        String t = line.strip();
        if (t.startsWith("@location")) {
            String[] p = t.split("\\s+");
            try {
                return new Input.Location(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            } catch (RuntimeException e) {
                return new Input.Text(line);
            }
        }
        if (t.startsWith("@photo")) {
            String[] p = t.split("\\s+", 3);
            return new Input.Photo(p.length > 1 ? p[1] : "photo.jpg", p.length > 2 ? p[2] : null);
        }
        if (t.startsWith("@button ")) {
            return new Input.Choice(t.substring(8).strip());
        }
        List<Button> buttons = shown.isEmpty() ? List.of() : shown.get(shown.size() - 1).buttons();
        if (!buttons.isEmpty() && t.matches("[0-9]{1,2}")) {
            int k = Integer.parseInt(t);
            if (k >= 1 && k <= buttons.size()) {
                return new Input.Choice(buttons.get(k - 1).id());
            }
        }
        return new Input.Text(line);
    }
}
