package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Position;
import be.buurtstem.engine.input.Numbers;
import be.buurtstem.engine.input.OptionMatcher;
import be.buurtstem.engine.input.Words;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.model.Route;
import be.buurtstem.engine.model.Text;
import be.buurtstem.engine.text.Fold;
import be.buurtstem.engine.text.Locales;
import be.buurtstem.engine.text.Renderer;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a conversation: a mutable working copy of the state, used by one thread for one call and turned
 * back into an immutable {@link ConversationState} at the end. Keeping the mutation inside one short-lived object
 * keeps the public types immutable and the step cheap.
 */
public final class Step {
    /** After this many misses in a row the engine offers to skip the question. */
    static final int MISSES_BEFORE_OFFER = 3;
    /** History is only for "back"; a bound keeps states small even in long loops. */
    static final int MAX_HISTORY = 200;
    /** Nodes entered in one step before we assume a loop without questions (the validator reports those). */
    static final int MAX_HOPS = 1000;
    static final String DONE = "_done";
    static final String YES = "yes";
    static final String NO = "no";
    private static final String[] SMILEYS = {"😞", "🙁", "😐", "🙂", "😄"};

    private final Conversation conv;
    private final Questionnaire q;
    private final NodeIndex index;
    private final Renderer renderer;
    private final Instant now;
    private final ConversationState original;

    private int version;
    private String lang;
    private Status status;
    private String node;
    private int round;
    private Await await;
    private int misses;
    private boolean consented;
    private List<String> selection;
    private final List<Position> history;
    private final List<Answer> answers;
    private final Map<String, Integer> rounds;
    private final List<OutboundMessage> messages = new ArrayList<>(3);
    private final List<Event> events = new ArrayList<>(2);
    private int hops;

    public Step(Conversation conv, ConversationState s, Instant now) {
        this.conv = conv;
        this.q = conv.questionnaire();
        this.index = conv.index();
        this.renderer = conv.renderer();
        this.now = now == null ? s.updatedAt() : now;
        this.original = s;
        this.version = s.version();
        this.lang = s.language();
        this.status = s.status();
        this.node = s.node();
        this.round = s.round();
        this.await = s.await();
        this.misses = s.misses();
        this.consented = s.consented();
        this.selection = s.selection();
        this.history = new ArrayList<>(s.history());
        this.answers = new ArrayList<>(s.answers());
        this.rounds = new HashMap<>(s.rounds());
    }

    public be.buurtstem.engine.Turn turn() {
        ConversationState s = new ConversationState(original.questionnaireId(), version, lang, status, node, round,
                await, misses, consented, selection, history, answers, rounds, original.context(),
                original.startedAt(), now);
        return new be.buurtstem.engine.Turn(s, messages, events);
    }

    // ---------------------------------------------------------------- entry points

    public void begin() {
        goTo(q.startId(), null);
    }

    public void handle(Input input) {
        if (status.finished() || await == Await.NOTHING) {
            info(system("finished"));
            return;
        }
        if (!q.id().equals(original.questionnaireId())) {
            outdated();
            return;
        }
        Node n = index.node(node);
        if (n == null || !compatible(n)) {
            outdated();
            return;
        }
        if (version != q.version()) {
            // The resident started on an older version whose current node still exists: carry on with the new one.
            version = q.version();
            selection = selection.stream().filter(id -> n.option(id) != null).toList();
        }
        if (status == Status.STOPPED) {
            status = Status.ACTIVE;
            info(system("welcome_back"));
            reask(n);
            return;
        }
        String command = command(input, n);
        if (command != null) {
            command(command, n);
            return;
        }
        switch (await) {
            case ANSWER -> answer(n, input);
            case MORE -> more(n, input);
            case SKIP_OFFER -> skipOffer(n, input);
            case LANGUAGE -> chooseLanguage(n, input);
            case DELETE_CONFIRM -> deleteConfirm(n, input);
            default -> info(system("finished"));
        }
    }

    /** The current question, rendered again, without changing anything. */
    public List<OutboundMessage> currentPrompt() {
        Node n = index.node(node);
        if (status.finished() || n == null || !compatible(n)) {
            return List.of(OutboundMessage.info(system("finished")));
        }
        reask(n);
        return List.copyOf(messages);
    }

    private boolean compatible(Node n) {
        return switch (await) {
            case MORE -> n.kind() == Kind.REPEAT;
            case ANSWER, SKIP_OFFER -> n.kind().isQuestion();
            case LANGUAGE, DELETE_CONFIRM -> n.kind().isQuestion() || n.kind() == Kind.REPEAT;
            case NOTHING -> false;
        };
    }

    private void outdated() {
        events.add(new Event.Outdated(original.version(), q.version()));
        info(system("outdated"));
        finish(Status.ENDED);
    }

    // ---------------------------------------------------------------- commands

    /** The command this input names, "?" for an unknown /command, or null when it is an answer. */
    private String command(Input input, Node n) {
        if (input instanceof Input.Choice c) {
            String id = c.optionId();
            if (await == Await.ANSWER && n.option(id) != null) {
                return null;
            }
            String bare = id.startsWith("/") ? id.substring(1) : id;
            return be.buurtstem.engine.text.SystemTexts.COMMANDS.contains(bare) ? bare : null;
        }
        if (!(input instanceof Input.Text t)) {
            return null;
        }
        String typed = t.text().strip();
        if (typed.isEmpty() || typed.length() > 60) {
            return null;
        }
        String command = Words.command(typed);
        if (typed.startsWith("/")) {
            if (command != null) {
                return command;
            }
            // Free text may start with "/" ("/ nothing to add"); anywhere else it is a command we do not know.
            return await == Await.ANSWER && n.kind() == Kind.FREE_TEXT ? null : "?";
        }
        if (command == null) {
            return null;
        }
        // An option whose label is a command word ("Next", "Stop") wins over the command.
        OptionMatcher m = conv.matcher(n.id());
        if (await == Await.ANSWER && m != null && m.match(Fold.key(typed), lang, false) != null) {
            return null;
        }
        return command;
    }

    private void command(String command, Node n) {
        switch (command) {
            case "stop" -> {
                events.add(new Event.Stopped(now));
                await = baseAwait(n);
                status = Status.STOPPED;
                info(system("stopped"));
            }
            case "back" -> back(n);
            case "skip" -> skipCommand(n);
            case "language" -> {
                await = Await.LANGUAGE;
                messages.add(languagePicker(system("choose_language")));
            }
            case "help" -> {
                String help = n.help() != null ? render(n.help(), n) : system("help");
                info(help);
                reask(n);
            }
            case "delete" -> {
                if (answers.isEmpty() && !consented) {
                    info(system("my_data_none"));
                    reask(n);
                } else {
                    await = Await.DELETE_CONFIRM;
                    messages.add(yesNo(system("delete_confirm")));
                }
            }
            case "mydata" -> {
                events.add(new Event.DataRequested(now));
                info(myData());
                reask(n);
            }
            default -> reprompt(n, Reason.UNKNOWN_COMMAND, system("unknown_command"), false);
        }
    }

    private void back(Node n) {
        misses = 0;
        selection = List.of();
        if (history.isEmpty()) {
            await = baseAwait(n);
            info(system("first_question"));
            reask(n);
            return;
        }
        Position p = history.remove(history.size() - 1);
        Node target = index.node(p.node());
        if (target == null || !target.kind().isQuestion()) {
            await = baseAwait(n);
            reask(n);
            return;
        }
        node = target.id();
        round = p.round();
        await = Await.ANSWER;
        messages.add(prompt(target));
    }

    private void skipCommand(Node n) {
        if (await == Await.MORE) {
            finishGroup(n);
            return;
        }
        if (await == Await.SKIP_OFFER) {
            skip(n);
            return;
        }
        if (await != Await.ANSWER) {
            reask(n);
            return;
        }
        switch (n.kind()) {
            case CONSENT -> reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_yes_no"), false);
            case LANGUAGE -> advanceFrom(n);
            default -> {
                if (n.required()) {
                    reprompt(n, Reason.REQUIRED, system("required"), true);
                } else {
                    skip(n);
                }
            }
        }
    }

    private void skip(Node n) {
        events.add(new Event.Skipped(n.id(), round));
        info(system("skipped"));
        leave(n);
        advanceFrom(n);
    }

    private String myData() {
        if (answers.isEmpty()) {
            return system("my_data_none");
        }
        StringBuilder b = new StringBuilder(system("my_data"));
        for (Answer a : answers) {
            Node qn = index.node(a.questionId());
            String question = qn == null ? a.questionId() : firstLine(render(qn.text(), qn));
            b.append("\n• ").append(question).append(a.round() > 0 ? " (" + a.round() + ")" : "").append(": ").append(a.text());
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }

    // ---------------------------------------------------------------- answers

    private void answer(Node n, Input input) {
        switch (n.kind()) {
            case CONSENT -> consent(n, input);
            case LANGUAGE -> languageNode(n, input);
            case SINGLE_CHOICE -> single(n, input);
            case MULTIPLE_CHOICE -> multiple(n, input);
            case SCALE -> scale(n, input);
            case NUMBER -> number(n, input);
            case FREE_TEXT -> freeText(n, input);
            case LOCATION -> location(n, input);
            case PHOTO -> photo(n, input);
            default -> reask(n);
        }
    }

    private void consent(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (yes == null) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_yes_no"), false);
        } else if (yes) {
            consented = true;
            events.add(new Event.ConsentGiven(q.version(), now));
            misses = 0;
            advanceFrom(n);
        } else {
            // Refusal: keep nothing but the refusal itself.
            answers.clear();
            history.clear();
            events.add(new Event.ConsentRefused(q.version(), now));
            info(n.refused() != null ? render(n.refused(), n) : system("consent_refused"));
            finish(Status.REFUSED);
        }
    }

    private void languageNode(Node n, Input input) {
        String tag = language(input);
        if (tag == null) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_language"), false);
            return;
        }
        switchLanguage(tag);
        record(n, tag, input instanceof Input.Text t ? t.text().strip() : Locales.nativeName(tag));
    }

    private void chooseLanguage(Node n, Input input) {
        String tag = language(input);
        if (tag == null) {
            messages.add(languagePicker(system("reprompt_language")));
            return;
        }
        switchLanguage(tag);
        await = baseAwait(n);
        reask(n);
    }

    private void switchLanguage(String tag) {
        if (!tag.equals(lang)) {
            events.add(new Event.LanguageChanged(lang, tag));
            lang = tag;
        }
    }

    private String language(Input input) {
        String key;
        if (input instanceof Input.Choice c) {
            key = c.optionId();
            for (String tag : q.languages()) {
                if (tag.equals(key)) {
                    return tag;
                }
            }
            key = Fold.key(key);
        } else if (input instanceof Input.Text t) {
            key = Fold.key(t.text());
        } else {
            return null;
        }
        if (key.chars().allMatch(Character::isDigit) && !key.isEmpty() && key.length() < 3) {
            int k = Integer.parseInt(key);
            return k >= 1 && k <= q.languages().size() ? q.languages().get(k - 1) : null;
        }
        for (Map.Entry<String, List<String>> e : conv.languageNames().entrySet()) {
            if (e.getValue().contains(key)) {
                return e.getKey();
            }
        }
        return null;
    }

    private void single(Node n, Input input) {
        Option o = null;
        String shown = null;
        if (input instanceof Input.Choice c) {
            o = n.option(c.optionId());
            shown = o == null ? null : renderer.label(o, lang);
        } else if (input instanceof Input.Text t) {
            o = conv.matcher(n.id()).match(t.text(), lang);
            shown = t.text().strip();
        }
        if (o == null) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_choice"), true);
        } else {
            record(n, o.id(), shown);
        }
    }

    private void multiple(Node n, Input input) {
        OptionMatcher m = conv.matcher(n.id());
        if (input instanceof Input.Choice c) {
            if (c.optionId().equals(DONE)) {
                finishMultiple(n, selection, null);
                return;
            }
            Option o = n.option(c.optionId());
            if (o == null) {
                reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
                return;
            }
            toggle(n, o);
            return;
        }
        if (!(input instanceof Input.Text t)) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
            return;
        }
        String typed = t.text().strip();
        String key = Fold.key(typed);
        if (Words.isDone(key, lang)) {
            finishMultiple(n, selection, null);
            return;
        }
        List<String> chosen = new ArrayList<>();
        Option whole = m.match(key, lang, true);
        if (whole != null) {
            chosen.add(whole.id());
        } else {
            String[] parts = key.matches("[0-9 ]+") ? key.split(" ") : typed.split("[,;/+&\\n،、]|\\s+(?:en|et|and|ve|و)\\s+");
            for (String part : parts) {
                String pk = Fold.key(part);
                if (pk.isEmpty()) {
                    continue;
                }
                Option o = m.match(pk, lang, true);
                if (o == null) {
                    reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
                    return;
                }
                if (!chosen.contains(o.id())) {
                    chosen.add(o.id());
                }
            }
        }
        if (chosen.isEmpty()) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_multiple"), true);
            return;
        }
        finishMultiple(n, chosen, typed);
    }

    private void toggle(Node n, Option o) {
        List<String> next = new ArrayList<>(selection);
        if (next.contains(o.id())) {
            next.remove(o.id());
        } else if (o.exclusive()) {
            next.clear();
            next.add(o.id());
        } else {
            next.removeIf(id -> n.option(id) != null && n.option(id).exclusive());
            if (n.max() != null && next.size() + 1 > n.max()) {
                reprompt(n, Reason.TOO_MANY, system("reprompt_too_many", "max", num(n.max())), true);
                return;
            }
            next.add(o.id());
        }
        selection = List.copyOf(next);
        List<String> labels = new ArrayList<>();
        for (String id : selection) {
            labels.add(renderer.label(n.option(id), lang));
        }
        String text = selection.isEmpty() ? system("reprompt_multiple")
                : system("selected", "selected", ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels));
        messages.add(new OutboundMessage(text, buttons(n), Expect.MULTIPLE));
    }

    private void finishMultiple(Node n, List<String> chosen, String typed) {
        if (chosen.size() > 1) {
            for (String id : chosen) {
                Option o = n.option(id);
                if (o != null && o.exclusive()) {
                    reprompt(n, Reason.EXCLUSIVE, system("reprompt_exclusive", "option", renderer.label(o, lang)), true);
                    return;
                }
            }
        }
        int min = n.min() != null ? n.min().intValue() : (n.required() ? 1 : 0);
        if (chosen.isEmpty() && !n.required()) {
            skip(n);
            return;
        }
        if (chosen.size() < min) {
            reprompt(n, Reason.TOO_FEW, system("reprompt_too_few", "min", (long) Math.max(min, 1)), true);
            return;
        }
        if (n.max() != null && chosen.size() > n.max()) {
            reprompt(n, Reason.TOO_MANY, system("reprompt_too_many", "max", num(n.max())), true);
            return;
        }
        List<String> labels = new ArrayList<>();
        for (String id : chosen) {
            labels.add(renderer.label(n.option(id), lang));
        }
        String shown = typed != null ? typed : ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels);
        record(n, List.copyOf(chosen), shown);
    }

    private void scale(Node n, Input input) {
        int min = n.scaleMin();
        int max = n.scaleMax();
        String key;
        String shown;
        if (input instanceof Input.Choice c) {
            key = Fold.key(c.optionId());
            shown = null;
        } else if (input instanceof Input.Text t) {
            key = Fold.key(t.text());
            shown = t.text().strip();
        } else {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_scale", "min", (long) min, "max", (long) max), true);
            return;
        }
        Integer value = null;
        Double number = Numbers.parse(key);
        if (number != null && number == Math.rint(number)) {
            if (number < min || number > max) {
                reprompt(n, Reason.OUT_OF_RANGE, system("reprompt_scale", "min", (long) min, "max", (long) max), true);
                return;
            }
            value = number.intValue();
        }
        if (value == null && min == 1 && max == 5) {
            value = smiley(key);
        }
        if (value == null) {
            for (Map.Entry<Integer, Text> e : n.labels().entrySet()) {
                for (String l : q.languages()) {
                    if (Fold.key(renderer.render(e.getValue(), l, x -> null)).equals(key)) {
                        value = e.getKey();
                    }
                }
            }
        }
        if (value == null || value < min || value > max) {
            reprompt(n, Reason.NOT_UNDERSTOOD, system("reprompt_scale", "min", (long) min, "max", (long) max), true);
            return;
        }
        record(n, (long) value, shown != null ? shown : scaleLabel(n, value));
    }

    private static Integer smiley(String key) {
        return switch (key) {
            case "😞", "😢", "😭", "😠", "😡", "☹" -> 1;
            case "🙁", "😕", "😟", "😒" -> 2;
            case "😐", "😶", "🤷" -> 3;
            case "🙂", "😊", "☺" -> 4;
            case "😄", "😀", "😃", "😁", "😍", "🥰", "🤩" -> 5;
            default -> null;
        };
    }

    private void number(Node n, Input input) {
        String typed = input instanceof Input.Text t ? t.text() : input instanceof Input.Choice c ? c.optionId() : null;
        Double v = typed == null ? null : Numbers.parse(typed);
        if (v == null) {
            reprompt(n, Reason.NOT_A_NUMBER, rangeText(n, "reprompt_number"), true);
            return;
        }
        if (n.integer() && v != Math.rint(v)) {
            reprompt(n, Reason.NOT_WHOLE, system("reprompt_whole"), true);
            return;
        }
        if ((n.min() != null && v < n.min()) || (n.max() != null && v > n.max())) {
            reprompt(n, Reason.OUT_OF_RANGE, rangeText(n, "reprompt_number"), true);
            return;
        }
        record(n, Numbers.value(v), typed.strip());
    }

    private String rangeText(Node n, String fallback) {
        if (n.min() != null && n.max() != null) {
            return system("reprompt_range", "min", num(n.min()), "max", num(n.max()));
        }
        if (n.min() != null) {
            return system("reprompt_min", "min", num(n.min()));
        }
        if (n.max() != null) {
            return system("reprompt_max", "max", num(n.max()));
        }
        return system(fallback);
    }

    private static Object num(Double d) {
        return Numbers.value(d);
    }

    private void freeText(Node n, Input input) {
        if (input instanceof Input.Text t && !t.text().isBlank()) {
            // Kept whole: long answers are the richest ones for theme coding.
            String text = t.text().strip();
            record(n, text, text);
            return;
        }
        reprompt(n, Reason.EMPTY, system("reprompt_text"), true);
    }

    private void location(Node n, Input input) {
        if (input instanceof Input.Location l && Double.isFinite(l.lat()) && Double.isFinite(l.lon())
                && Math.abs(l.lat()) <= 90 && Math.abs(l.lon()) <= 180) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lat", l.lat());
            v.put("lon", l.lon());
            record(n, java.util.Collections.unmodifiableMap(v), l.lat() + ", " + l.lon());
        } else if (input instanceof Input.Text t && !t.text().isBlank()) {
            record(n, t.text().strip(), t.text().strip());
        } else {
            reprompt(n, Reason.EXPECTED_LOCATION, system("reprompt_location"), true);
        }
    }

    private void photo(Node n, Input input) {
        if (input instanceof Input.Photo p && p.fileRef() != null && !p.fileRef().isBlank()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("file", p.fileRef());
            String caption = p.caption() == null ? "" : p.caption().strip();
            if (!caption.isEmpty()) {
                v.put("caption", caption);
            }
            record(n, java.util.Collections.unmodifiableMap(v), caption);
        } else {
            reprompt(n, Reason.EXPECTED_PHOTO, system("reprompt_photo"), true);
        }
    }

    private void more(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (yes == null) {
            misses++;
            if (misses >= MISSES_BEFORE_OFFER) {
                // Nobody should be stuck on "another one?": three misses mean no.
                finishGroup(n);
                return;
            }
            events.add(new Event.Reprompted(n.id(), Reason.NOT_UNDERSTOOD));
            messages.add(yesNo(system("reprompt_yes_no")));
            return;
        }
        misses = 0;
        if (yes) {
            enterRound(n, round + 1);
        } else {
            finishGroup(n);
        }
    }

    private void skipOffer(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (Boolean.TRUE.equals(yes)) {
            skip(n);
        } else if (Boolean.FALSE.equals(yes)) {
            misses = 0;
            await = Await.ANSWER;
            messages.add(prompt(n));
        } else {
            // Perhaps they simply answered the question: try it as an answer.
            await = Await.ANSWER;
            answer(n, input);
        }
    }

    private void deleteConfirm(Node n, Input input) {
        Boolean yes = yesNo(input);
        if (Boolean.TRUE.equals(yes)) {
            answers.clear();
            history.clear();
            rounds.clear();
            events.add(new Event.DeleteRequested(now));
            info(system("deleted"));
            finish(Status.DELETED);
        } else {
            await = baseAwait(n);
            info(system("delete_cancelled"));
            reask(n);
        }
    }

    private Boolean yesNo(Input input) {
        if (input instanceof Input.Choice c) {
            if (c.optionId().equals(YES)) {
                return true;
            }
            if (c.optionId().equals(NO)) {
                return false;
            }
            return null;
        }
        if (input instanceof Input.Text t) {
            return Words.yesNo(Fold.key(t.text()), lang);
        }
        return null;
    }

    // ---------------------------------------------------------------- recording and routing

    private void record(Node n, Object value, String shown) {
        // Nothing is recorded before consent: the answer only steers this conversation.
        if (consented) {
            Node repeat = index.repeatOf(n.id());
            int r = repeat == null ? 0 : round;
            answers.removeIf(a -> a.questionId().equals(n.id()) && a.round() == r);
            Answer a = new Answer(q.id(), q.version(), n.id(), r, n.kind().yamlName(), value, shown == null ? "" : shown,
                    lang, n.segment(), n.block(), now);
            answers.add(a);
            events.add(new Event.AnswerRecorded(a));
        }
        leave(n);
        advanceFrom(n);
    }

    /** Leaving a question: remember it for "back". */
    private void leave(Node n) {
        misses = 0;
        selection = List.of();
        if (n.kind() != Kind.CONSENT && n.kind() != Kind.LANGUAGE) {
            history.add(new Position(n.id(), index.repeatOf(n.id()) == null ? 0 : round));
            if (history.size() > MAX_HISTORY) {
                history.remove(0);
            }
        }
    }

    private void advanceFrom(Node n) {
        String target = null;
        Conditions.Facts facts = facts(n);
        for (Route r : n.routes()) {
            if (Conditions.holds(r.when(), facts)) {
                target = r.target();
                break;
            }
        }
        if (target == null) {
            target = n.next();
        }
        if (target == null) {
            Node following = index.repeatOf(n.id()) != null ? index.following(n.id()) : null;
            target = following != null ? following.id() : index.repeatOf(n.id()) != null ? Node.MORE : Node.END;
        }
        goTo(target, n);
    }

    private void goTo(String target, Node from) {
        if (++hops > MAX_HOPS) {
            info(system("finished"));
            finish(Status.ENDED);
            return;
        }
        if (Node.END.equals(target)) {
            complete();
            return;
        }
        Node repeat = from == null ? null : index.repeatOf(from.id());
        if (Node.MORE.equals(target) && repeat != null) {
            endRound(repeat);
            return;
        }
        Node m = index.node(target);
        if (m == null) {
            complete();
            return;
        }
        if (index.repeatOf(m.id()) == null) {
            round = 0;
        }
        enter(m);
    }

    private void enter(Node m) {
        switch (m.kind()) {
            case MESSAGE -> {
                info(render(m.text(), m));
                advanceFrom(m);
            }
            case END -> {
                info(render(m.text(), m));
                complete();
            }
            case REPEAT -> {
                int done = rounds.getOrDefault(m.id(), 0);
                if (m.max() != null && done >= m.max()) {
                    advanceFrom(m);
                    return;
                }
                if (m.text() != null) {
                    info(render(m.text(), m));
                }
                enterRound(m, done + 1);
            }
            default -> ask(m);
        }
    }

    private void enterRound(Node repeat, int r) {
        round = r;
        if (repeat.nodes().isEmpty()) {
            finishGroup(repeat);
            return;
        }
        Node first = repeat.nodes().get(0);
        enter(first);
    }

    private void endRound(Node repeat) {
        rounds.put(repeat.id(), round);
        if (repeat.max() != null && round >= repeat.max()) {
            round = 0;
            advanceFrom(repeat);
            return;
        }
        node = repeat.id();
        await = Await.MORE;
        misses = 0;
        messages.add(yesNo(render(repeat.more(), repeat)));
    }

    private void finishGroup(Node repeat) {
        rounds.merge(repeat.id(), round, Math::max);
        round = 0;
        misses = 0;
        advanceFrom(repeat);
    }

    private void ask(Node m) {
        node = m.id();
        await = Await.ANSWER;
        misses = 0;
        selection = List.of();
        messages.add(prompt(m));
    }

    private void complete() {
        events.add(new Event.Completed(now));
        finish(Status.COMPLETED);
    }

    private void finish(Status s) {
        status = s;
        node = null;
        round = 0;
        await = Await.NOTHING;
        misses = 0;
        selection = List.of();
    }

    private void reprompt(Node n, Reason reason, String text, boolean mayOfferSkip) {
        misses++;
        events.add(new Event.Reprompted(n.id(), reason));
        if (mayOfferSkip && misses >= MISSES_BEFORE_OFFER && n.kind() != Kind.CONSENT && n.kind() != Kind.LANGUAGE) {
            await = Await.SKIP_OFFER;
            messages.add(new OutboundMessage(system("offer_skip"),
                    List.of(new Button(YES, system("skip_yes")), new Button(NO, system("skip_no"))), Expect.CHOICE));
            return;
        }
        OutboundMessage p = prompt(n);
        messages.add(new OutboundMessage(text, p.buttons(), p.expect()));
    }

    private Await baseAwait(Node n) {
        return n.kind() == Kind.REPEAT ? Await.MORE : Await.ANSWER;
    }

    private void reask(Node n) {
        switch (await) {
            case MORE -> messages.add(yesNo(render(n.more(), n)));
            case LANGUAGE -> messages.add(languagePicker(system("choose_language")));
            case SKIP_OFFER -> messages.add(new OutboundMessage(system("offer_skip"),
                    List.of(new Button(YES, system("skip_yes")), new Button(NO, system("skip_no"))), Expect.CHOICE));
            case DELETE_CONFIRM -> messages.add(yesNo(system("delete_confirm")));
            default -> messages.add(prompt(n));
        }
    }

    // ---------------------------------------------------------------- rendering

    private OutboundMessage prompt(Node n) {
        String text = render(n.text(), n);
        return switch (n.kind()) {
            case SINGLE_CHOICE, SCALE -> new OutboundMessage(text, buttons(n), Expect.CHOICE);
            case MULTIPLE_CHOICE -> new OutboundMessage(text, buttons(n), Expect.MULTIPLE);
            case CONSENT -> new OutboundMessage(text, List.of(
                    new Button(YES, n.yes() != null ? render(n.yes(), n) : system("yes")),
                    new Button(NO, n.no() != null ? render(n.no(), n) : system("no"))), Expect.CHOICE);
            case LANGUAGE -> languagePicker(text);
            case NUMBER -> new OutboundMessage(text, List.of(), Expect.NUMBER);
            case LOCATION -> new OutboundMessage(text, List.of(), Expect.LOCATION);
            case PHOTO -> new OutboundMessage(text, List.of(), Expect.PHOTO);
            case REPEAT -> yesNo(render(n.more(), n));
            default -> new OutboundMessage(text, List.of(), Expect.TEXT);
        };
    }

    private List<Button> buttons(Node n) {
        List<Button> out = new ArrayList<>();
        if (n.kind() == Kind.SCALE) {
            int min = n.scaleMin();
            int max = n.scaleMax();
            for (int v = min; v <= max; v++) {
                out.add(new Button(Integer.toString(v), scaleLabel(n, v)));
            }
            return out;
        }
        for (Option o : n.options()) {
            String label = renderer.label(o, lang);
            if (o.emoji() != null && !o.emoji().isBlank()) {
                label = o.emoji() + " " + label;
            }
            if (n.kind() == Kind.MULTIPLE_CHOICE && selection.contains(o.id())) {
                label = "✓ " + label;
            }
            out.add(new Button(o.id(), label));
        }
        if (n.kind() == Kind.MULTIPLE_CHOICE) {
            out.add(new Button(DONE, system("done")));
        }
        return out;
    }

    private String scaleLabel(Node n, int v) {
        Text label = n.labels().get(v);
        String smiley = n.scaleMin() == 1 && n.scaleMax() == 5 ? SMILEYS[v - 1] : Integer.toString(v);
        return label == null ? smiley : smiley + " " + render(label, n);
    }

    private OutboundMessage yesNo(String text) {
        return new OutboundMessage(text, List.of(new Button(YES, system("yes")), new Button(NO, system("no"))), Expect.CHOICE);
    }

    private OutboundMessage languagePicker(String text) {
        List<Button> buttons = new ArrayList<>();
        for (String tag : q.languages()) {
            buttons.add(new Button(tag, Locales.nativeName(tag)));
        }
        return new OutboundMessage(text, buttons, Expect.CHOICE);
    }

    private void info(String text) {
        messages.add(OutboundMessage.info(text));
    }

    private String system(String key) {
        return renderer.system(key, lang, Map.of());
    }

    private String system(String key, String arg, Object value) {
        return renderer.system(key, lang, Map.of(arg, value));
    }

    private String system(String key, String a1, Object v1, String a2, Object v2) {
        return renderer.system(key, lang, Map.of(a1, v1, a2, v2));
    }

    /** Renders a questionnaire text with earlier answers as arguments, seen from node {@code at}. */
    private String render(Text text, Node at) {
        return renderer.render(text, lang, name -> argument(name, at));
    }

    private Object argument(String name, Node at) {
        if (name.equals("iteration")) {
            return (long) round;
        }
        if (name.startsWith("count_")) {
            return (long) rounds.getOrDefault(name.substring(6), 0);
        }
        Node qn = index.node(name);
        if (qn == null) {
            return original.context().get(name);
        }
        Answer a = answerFor(name, at);
        if (a == null) {
            return null;
        }
        return switch (qn.kind()) {
            case SINGLE_CHOICE -> {
                Option o = a.value() instanceof String id ? qn.option(id) : null;
                yield o == null ? a.text() : renderer.label(o, lang);
            }
            case MULTIPLE_CHOICE -> {
                List<String> labels = new ArrayList<>();
                if (a.value() instanceof List<?> ids) {
                    for (Object id : ids) {
                        Option o = qn.option(String.valueOf(id));
                        labels.add(o == null ? String.valueOf(id) : renderer.label(o, lang));
                    }
                }
                yield ListFormatter.getInstance(ULocale.forLanguageTag(lang)).format(labels);
            }
            case NUMBER, SCALE -> a.value();
            case LANGUAGE -> a.value() instanceof String tag ? Locales.nativeName(tag) : a.text();
            default -> a.text();
        };
    }

    /** Inside the same repeat group a question means this round's answer; elsewhere its latest answer. */
    private Answer answerFor(String question, Node at) {
        Node repeat = index.repeatOf(question);
        if (repeat != null && at != null && (repeat == index.repeatOf(at.id()) || repeat == at)) {
            return answerIn(question, round);
        }
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (answers.get(i).questionId().equals(question)) {
                return answers.get(i);
            }
        }
        return null;
    }

    private Answer answerIn(String question, int r) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer a = answers.get(i);
            if (a.questionId().equals(question) && a.round() == r) {
                return a;
            }
        }
        return null;
    }

    private Conditions.Facts facts(Node at) {
        return new Conditions.Facts() {
            @Override
            public Answer answer(String question) {
                return answerFor(question, at);
            }

            @Override
            public boolean skipped(String question) {
                if (answer(question) != null) {
                    return false;
                }
                for (Position p : history) {
                    if (p.node().equals(question)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String language() {
                return lang;
            }
        };
    }
}
