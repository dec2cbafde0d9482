package be.buurtstem.bot.service.analyst;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.BuurtstemSettings;
import be.buurtstem.bot.service.coding.AnswerDocs;
import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.coding.DecisionStore;
import be.buurtstem.bot.service.coding.Learning;
import be.buurtstem.bot.service.coding.ModelInUse;
import be.buurtstem.bot.service.coding.ModelRegistry;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.saturation.SaturationService;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.StoredCoding;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analysts' API (bearer token {@code BUURTSTEM_ANALYST_TOKEN}, see {@link ApiAccessFilter}): free-text answers
 * with their machine codes and decisions, decisions (confirm, remove, add a theme), retraining, model versions and
 * (the export of every answer is {@code service/export/ExportController}).
 */
@RestController
@RequestMapping(path = "/api/analyst", produces = MediaType.APPLICATION_JSON_VALUE)
public class AnalystController {
    static final Pattern THEME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,64}");
    static final int MAX_PAGE = 200;
    /** The most answers a page may skip ({@code page × size}): far above any neighbourhood, far below int overflow. */
    static final long MAX_OFFSET = 10_000_000;

    private final Store store;
    private final Answers answers;
    private final DecisionStore decisions;
    private final CodingService coding;
    private final Learning learning;
    private final ModelRegistry models;
    private final SaturationService saturation;
    private final Path tmp;
    private final AnswerRefs refs;

    public AnalystController(Store store, DecisionStore decisions, CodingService coding, Learning learning,
                             ModelRegistry models, SaturationService saturation, BuurtstemSettings settings,
                             RespondentIds ids) {
        this.store = store;
        this.answers = store.answerRepository();
        this.decisions = decisions;
        this.coding = coding;
        this.learning = learning;
        this.models = models;
        this.saturation = saturation;
        this.tmp = Path.of(settings.dataDir()).toAbsolutePath().normalize().resolve("tmp");
        this.refs = AnswerRefs.from(ids);
        removeLeftoverExports(tmp);
    }

    /**
     * An export file is removed once sent; one left by a crash mid-export would keep answers (also of residents
     * deleted since) outside the store, where no erasure reaches them: such files go at start.
     */
    static void removeLeftoverExports(Path tmp) {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (var files = Files.list(tmp)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith("export-")) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear leftover exports in " + tmp, e);
        }
    }

    /** A decision as posted: {@code {"action": "confirm|remove|add", "theme": "housing"}}. */
    public record DecisionRequest(String action, String theme) {
    }

    @GetMapping("/answers")
    public Map<String, Object> answers(@RequestParam(required = false) String questionnaire,
                                       @RequestParam(defaultValue = "false") boolean uncoded,
                                       @RequestParam(defaultValue = "false") boolean unconfirmed,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new ApiException(400, "page must be 0 or more");
        }
        if (size < 0 || size > MAX_PAGE) {
            throw new ApiException(400, "size must be between 0 (the total only) and " + MAX_PAGE);
        }
        long offset = (long) page * size; // as a long: an int product overflows into a negative skip
        if (offset > MAX_OFFSET) {
            throw new ApiException(400, "page × size (the answers skipped) must be at most " + MAX_OFFSET
                    + "; got page " + page + " of size " + size);
        }
        Answers.FreeText filter = Answers.FreeText.of(questionnaire);
        if (uncoded) {
            filter = filter.coded(false);
        }
        if (unconfirmed) {
            filter = filter.without(decisions.reviewedAnswers());
        }
        long total = answers.count(filter);
        // size 0: the total only. A page is sorted by arrival over every selected answer (the embedded store has no
        // index for it), which a client that only counts (a progress poll) should not pay for
        List<AnswerRecord> docs = size == 0 ? List.of() : answers.page(filter, offset, size);
        Map<String, List<AnalystDecision>> byAnswer = decisions.byAnswer(docs.stream().map(AnswerRecord::id).toList());
        List<Map<String, Object>> items = new ArrayList<>();
        for (AnswerRecord d : docs) {
            items.add(view(d, refs.ref(d.id()), byAnswer.getOrDefault(d.id(), List.of())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", page);
        out.put("size", size);
        out.put("total", total);
        out.put("answers", items);
        return out;
    }

    @GetMapping("/answers/{id}")
    public Map<String, Object> answer(@PathVariable("id") String ref) {
        String id = answerId(ref);
        AnswerRecord d = freeText(id);
        return view(d, ref, decisions.forAnswer(id));
    }

    @PostMapping(path = "/answers/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> decide(@PathVariable("id") String ref,
                                                      @RequestBody(required = false) DecisionRequest body) {
        if (body == null || body.action() == null || body.theme() == null) {
            throw new ApiException(400, "the body must be {\"action\": \"confirm|remove|add\", \"theme\": THEME}");
        }
        AnalystDecision.Action action = switch (body.action().toLowerCase(Locale.ROOT)) {
            case "confirm" -> AnalystDecision.Action.CONFIRM;
            case "remove" -> AnalystDecision.Action.REMOVE;
            case "add" -> AnalystDecision.Action.ADD;
            default -> throw new ApiException(400, "action must be confirm, remove or add");
        };
        String theme = body.theme().strip();
        if (!THEME.matcher(theme).matches()) {
            throw new ApiException(400, "theme must be 1-64 letters, digits, '_', '-' or '.'");
        }
        String id = answerId(ref);
        AnswerRecord d = freeText(id);
        List<AnalystDecision> before = decisions.forAnswer(id);
        Set<String> effective = Decisions.resolve(d.machineThemes(), before);
        if (action == AnalystDecision.Action.CONFIRM && !effective.contains(theme)) {
            throw new ApiException(409, "theme '" + theme + "' is not coded on this answer; use add");
        }
        if (action == AnalystDecision.Action.REMOVE && !effective.contains(theme)) {
            throw new ApiException(409, "theme '" + theme + "' is not coded on this answer");
        }
        Instant now = Instant.now();
        AnalystDecision decision = new AnalystDecision(id, theme, action, 
                be.buurtstem.bot.service.store.Decisions.SHARED_ANALYST, now);
        String decisionId = decisions.record(d, decision);
        // audit without personal data: neither the answer id (it holds the respondent id) nor the text
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("decision", decisionId);
        audited.put("questionnaire", d.answer().questionnaire());
        audited.put("theme", theme);
        audited.put("action", action.name().toLowerCase(Locale.ROOT));
        store.audit("analyst_decision", audited, now);
        store.durability().sync(); // on disk before the analyst is told it is stored
        saturation.markDirty();
        learning.decisionRecorded();
        List<AnalystDecision> after = new ArrayList<>(before);
        after.add(decision);
        return ResponseEntity.status(201).body(view(d, ref, after));
    }

    @PostMapping("/retrain")
    public ResponseEntity<Map<String, Object>> retrain() {
        switch (learning.retrain("requested by an analyst", true)) {
            case RUNNING -> throw new ApiException(409, "a retraining is already running");
            case NOTHING_NEW -> throw new ApiException(409, "no new analyst decisions since the last training");
            case NONE -> { }
        }
        Map<String, Object> out = new LinkedHashMap<>(learning.status());
        out.put("started", true);
        return ResponseEntity.accepted().body(out);
    }

    @GetMapping("/models")
    public Map<String, Object> models() {
        int inUse = (Integer) learning.status().get("current_model");
        List<Map<String, Object>> versions = new ArrayList<>();
        for (be.buurtstem.bot.service.store.ModelRecord d : models.list()) {
            Map<String, Object> m = new LinkedHashMap<>(d.fields());
            m.put("status", ModelInUse.status(d, inUse));
            versions.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>(learning.status());
        out.put("coding", coding.status());
        out.put("models", versions);
        return out;
    }

    /**
     * Puts a stored model version in use by hand (also one the promotion rule kept aside, or an earlier one: a
     * rollback; 0 is the codebook's keywords alone); the answers no analyst decided on are re-coded with it.
     */
    @PostMapping("/models/{version}/promote")
    public Map<String, Object> promote(@PathVariable("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0) {
            throw new ApiException(400, "the version must be a model version number (0: the keywords alone)");
        }
        int previous = (Integer) learning.status().get("current_model");
        switch (learning.promote(v, "analyst")) {
            case ALREADY_IN_USE -> throw new ApiException(409, "model version " + v + " is already in use");
            case NO_SUCH_VERSION -> throw new ApiException(404, "no model version " + v + " is stored");
            case UNREADABLE -> throw new ApiException(409, "the model file of version " + v + " cannot be loaded");
            case PROMOTED -> { }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("promoted", v);
        out.put("previous", previous);
        out.put("recoding", true);
        out.putAll(learning.status());
        return out;
    }

    /** The stored id behind an answer reference ({@link AnswerRefs}); a stored id itself is not accepted. */
    private String answerId(String ref) {
        return refs.answerId(ref).orElseThrow(() -> new ApiException(404, "no free-text answer with this id"));
    }

    private AnswerRecord freeText(String id) {
        return answers.find(id).filter(d -> AnswerDocs.FREE_TEXT.equals(d.answer().kind()))
                .orElseThrow(() -> new ApiException(404, "no free-text answer with this id"));
    }

    /** What an analyst sees of an answer, under its reference (no respondent id: not needed to judge themes). */
    static Map<String, Object> view(AnswerRecord r, String ref, List<AnalystDecision> ds) {
        StoredAnswer d = r.answer();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", ref);
        v.put("questionnaire", d.questionnaire());
        v.put("version", d.version());
        v.put("question", d.question());
        v.put("block", d.block());
        v.put("language", d.language());
        v.put("channel", d.channel());
        v.put("received_at", d.receivedAt() == null ? null : d.receivedAt().toString());
        v.put("text", d.text());
        StoredCoding coding = r.coding();
        if (coding != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("coder", coding.coder());
            c.put("version", coding.version());
            c.put("model", coding.model());
            c.put("at", coding.at() == null ? null : coding.at().toString());
            c.put("detected_language", coding.language());
            c.put("language_confidence", coding.languageConfidence());
            c.put("language_mismatch", coding.languageMismatch());
            v.put("coding", c);
        } else {
            v.put("coding", null);
        }
        List<Map<String, Object>> machine = new ArrayList<>();
        if (coding != null) {
            for (StoredCoding.Code c : coding.codes()) {
                machine.add(Map.of("theme", c.theme(), "confidence", c.confidence()));
            }
        }
        v.put("machine_codes", machine);
        List<Map<String, Object>> decided = new ArrayList<>();
        for (AnalystDecision a : ds) {
            decided.add(Map.of("theme", a.theme(), "action", a.action().name().toLowerCase(Locale.ROOT),
                    "analyst", a.analyst(), "at", a.at().toString()));
        }
        v.put("decisions", decided);
        v.put("themes", List.copyOf(Decisions.resolve(r.machineThemes(), ds)));
        v.put("reviewed", Decisions.reviewed(ds));
        return v;
    }
}
