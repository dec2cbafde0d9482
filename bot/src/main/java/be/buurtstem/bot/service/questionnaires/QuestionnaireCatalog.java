package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredQuestionnaires;
import be.buurtstem.bot.service.store.StoredQuestionnaires.Served;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.Problem;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The questionnaires being served: the bundled ones (classpath {@code be/buurtstem/content/questionnaires/*.yaml})
 * plus those in the {@code BUURTSTEM_QUESTIONNAIRES} folder, which is checked for new and changed files every few
 * seconds. A file is validated before it is served; an invalid one is refused with its {@code FILE:LINE} problems in
 * the log and the previous version keeps serving. Every version ever served is kept (in memory and, as its source,
 * in the {@code questionnaires} collection) so that a resident mid-way keeps the version they started, across
 * restarts too. Versions published in the organisers' page ({@link #publish}) are served again after a restart.
 * New residents start the newest version that is available and not retired ({@link #retire}); a file of the bundle
 * or the folder serves the version it holds now. A text is never served under a version number that is stored with
 * other content: it gets the next free number (see {@link #publish}).
 */
public class QuestionnaireCatalog implements SurveyCatalog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuestionnaireCatalog.class);
    public static final String BUNDLED = "classpath*:be/buurtstem/content/questionnaires/*.yaml";
    /** The origin of a version published in the organisers' page ({@code uploaded:USER}). */
    public static final String UPLOADED = "uploaded";

    private final StoredQuestionnaires stored;
    private final Path folder;
    private final Map<String, EngineSurvey> versions = new ConcurrentHashMap<>();
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final Map<String, String> origins = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> loadedAt = new ConcurrentHashMap<>();
    /** Versions new residents may start: loaded from the bundle or the folder in this run, or published in the page. */
    private final Set<String> servable = ConcurrentHashMap.newKeySet();
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final Map<String, String> servedBy = new ConcurrentHashMap<>();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private final Map<Path, String> seen = new HashMap<>();
    private final ScheduledExecutorService watcher;

    public QuestionnaireCatalog(Store store, Path folder, Duration reloadInterval) {
        this.stored = store.storedQuestionnaires();
        this.folder = folder;
        loadStoredVersions();
        loadBundled();
        if (folder != null) {
            scanFolder();
        }
        // The folder's files, and the versions another instance on the same store published or retired.
        this.watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("questionnaire-watch")
                .daemon(true).factory());
        long ms = Math.max(100, reloadInterval.toMillis());
        watcher.scheduleWithFixedDelay(this::scanFolderSafely, ms, ms, TimeUnit.MILLISECONDS);
        log.info("serving questionnaires {}", current().stream().map(Survey::id).toList());
    }

    /** The newest version of each questionnaire that is available and not retired. */
    @Override
    public List<Survey> current() {
        Map<String, EngineSurvey> newest = new java.util.TreeMap<>();
        for (String k : servable) {
            EngineSurvey s = versions.get(k);
            if (s != null && !retired.contains(k)) {
                newest.merge(s.id(), s, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }

    @Override
    public Optional<Survey> current(String id) {
        EngineSurvey best = null;
        for (String k : servable) {
            EngineSurvey s = versions.get(k);
            if (s != null && s.id().equals(id) && !retired.contains(k) && (best == null || s.version() > best.version())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Optional<Survey> version(String id, int version) {
        return Optional.ofNullable(versions.get(id + ":" + version));
    }

    /** The problems of a questionnaire text (loader, validator, formatting warnings), without serving or storing it. */
    public static List<Problem> check(String yaml, String fileName) {
        LoadResult r = QuestionnaireLoader.parse(yaml, fileName);
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.questionnaire() != null) {
            problems.addAll(Validator.validate(r.questionnaire()));
            if (!Validator.hasErrors(problems)) {
                problems.addAll(Validator.checkFormatting(r.questionnaire()));
            }
        }
        if (r.questionnaire() == null && !Validator.hasErrors(problems)) {
            problems.add(Problem.error(fileName, 1, "the file is not a questionnaire"));
        }
        return problems.stream().distinct().sorted().toList();
    }

    /** Validates and serves a questionnaire file's text; returns the problems (errors mean it was refused). */
    public synchronized List<Problem> load(String yaml, String fileName, String origin) {
        return publish(yaml, fileName, origin, null).problems();
    }

    /**
     * Validates, stores and serves a questionnaire text. A text already stored (whatever its version line says) is
     * served under the version it has; a new text gets the version its file names when that number is free, and
     * else the next free number (its {@code version:} line is rewritten, so the stored text says what is served):
     * a changed file is never served under a version number residents may already be in.
     */
    public synchronized Publication publish(String yaml, String fileName, String origin, String by) {
        LoadResult r = QuestionnaireLoader.parse(yaml, fileName);
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.questionnaire() != null) {
            problems.addAll(Validator.validate(r.questionnaire()));
        }
        if (r.questionnaire() == null || Validator.hasErrors(problems)) {
            for (Problem p : problems) {
                if (p.isError()) {
                    log.error("questionnaire refused: {}", p);
                }
            }
            return Publication.refused(problems);
        }
        for (Problem p : problems) {
            log.warn("questionnaire warning: {}", p);
        }
        String id = r.questionnaire().id();
        int asked = r.questionnaire().version();
        String same = Versions.withoutVersion(yaml);
        Optional<Integer> known = versions.values().stream().filter(s -> s.id().equals(id))
                .filter(s -> same.equals(Versions.withoutVersion(sources.get(key(id, s.version())))))
                .map(EngineSurvey::version).max(Integer::compare);
        if (known.isPresent()) {
            // The same text again (a restart, a folder file touched, an organiser publishing twice): no new version.
            int v = known.get();
            if (origin.startsWith(UPLOADED)) {
                // Published in the page again: served again, after a restart too, even if it was retired.
                stored.servedAgain(key(id, v), origin);
                origins.put(key(id, v), origin);
                retired.remove(key(id, v));
            }
            serve(key(id, v), origin);
            return new Publication(problems, id, v, asked, false);
        }
        int version = asked;
        String text = yaml;
        if (versions.containsKey(key(id, asked))) {
            version = versions.values().stream().filter(s -> s.id().equals(id)).mapToInt(EngineSurvey::version)
                    .max().orElse(0) + 1;
            Optional<String> renumbered = Versions.renumber(yaml, version);
            if (renumbered.isEmpty()) {
                problems.add(Problem.error(fileName, r.questionnaire().lineOf("version"), "version " + asked
                        + " already exists with other content; write the next number (" + version + ") on the version line",
                        "version.taken", String.valueOf(asked), String.valueOf(version)));
                return Publication.refused(problems);
            }
            text = renumbered.get();
            r = QuestionnaireLoader.parse(text, fileName);
            log.info("questionnaire {}: version {} already exists with other content; served as version {}", id, asked, version);
        }
        EngineSurvey survey = new EngineSurvey(r.questionnaire());
        // Stored before it is served: a resident who starts this version must find it again after a restart.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
        stored.serve(new Served(key(id, version), id, version, fileName, text, origin, false, by, now));
        versions.put(key(id, version), survey);
        sources.put(key(id, version), text);
        origins.put(key(id, version), origin);
        loadedAt.put(key(id, version), now);
        serve(key(id, version), origin);
        log.info("questionnaire served: {} version {} from {}", id, version, fileName);
        return new Publication(problems, id, version, asked, true);
    }

    /** A file of the bundle or the folder serves one version: the one it holds now, not the ones it held before. */
    private void serve(String key, String origin) {
        if (!origin.startsWith(UPLOADED)) {
            servable.removeIf(k -> origin.equals(servedBy.get(k)));
        }
        servable.add(key);
        servedBy.put(key, origin);
    }

    /** What {@link #publish} did: refused (errors in the problems), or serves {@code id} as {@code version}. */
    public record Publication(List<Problem> problems, String id, int version, int asked, boolean isNew) {
        static Publication refused(List<Problem> problems) {
            return new Publication(problems, null, 0, 0, false);
        }

        public boolean served() {
            return id != null;
        }
    }

    /** Retires (no new resident starts it; those in it may finish) or restores one version. */
    public synchronized boolean retire(String id, int version, boolean retire) {
        String k = key(id, version);
        if (!versions.containsKey(k)) {
            return false;
        }
        stored.retire(k, retire);
        if (retire) {
            retired.add(k);
        } else {
            retired.remove(k);
        }
        return true;
    }

    /** Every version ever served, newest first per questionnaire, with where it came from and whether it is retired. */
    public List<VersionInfo> versions() {
        List<VersionInfo> out = new ArrayList<>();
        for (EngineSurvey s : versions.values()) {
            String k = key(s.id(), s.version());
            Optional<Survey> cur = current(s.id());
            out.add(new VersionInfo(s, origins.getOrDefault(k, "stored"), retired.contains(k),
                    cur.isPresent() && cur.get().version() == s.version(), loadedAt.get(k)));
        }
        out.sort(Comparator.comparing((VersionInfo v) -> v.survey().id()).thenComparing(v -> -v.survey().version()));
        return out;
    }

    /** One version as the organisers' page lists it; {@code serving} is the version new residents start. */
    public record VersionInfo(EngineSurvey survey, String origin, boolean retired, boolean serving,
                              java.time.Instant loadedAt) {
    }

    /** The stored text of one version (to copy or edit it), if it was ever served. */
    public Optional<String> source(String id, int version) {
        return Optional.ofNullable(sources.get(key(id, version)));
    }

    private static String key(String id, int version) {
        return id + ":" + version;
    }

    private void loadStoredVersions() {
        for (Served s : stored.served()) {
            loadStored(s);
        }
    }

    /**
     * Versions published or retired by another instance on the same store since this one started (or by this one
     * before a restart): a resident who started one there finds it here, and a retirement holds everywhere.
     */
    synchronized void refreshFromStore() {
        for (Map.Entry<String, Boolean> e : stored.retiredFlags().entrySet()) {
            String k = e.getKey();
            if (unreadable.contains(k)) {
                continue;
            }
            if (!versions.containsKey(k)) {
                stored.served(k).ifPresent(this::loadStored);
            } else if (e.getValue()) {
                retired.add(k);
            } else {
                retired.remove(k);
            }
        }
    }

    private void loadStored(Served d) {
        try {
            LoadResult r = QuestionnaireLoader.parse(d.source(), d.file());
            if (r.questionnaire() == null || r.hasErrors()) {
                unreadable.add(d.key());
                return;
            }
            EngineSurvey s = new EngineSurvey(r.questionnaire());
            String k = key(s.id(), s.version());
            versions.put(k, s);
            sources.put(k, d.source());
            String origin = d.origin();
            origins.put(k, origin == null ? "stored" : origin);
            if (d.loadedAt() != null) {
                loadedAt.put(k, d.loadedAt());
            }
            if (d.retired()) {
                retired.add(k);
            }
            // Published in the page: served again after a restart (bundled and folder files serve when loaded).
            if (origin != null && origin.startsWith(UPLOADED)) {
                servable.add(k);
                servedBy.put(k, origin);
            }
        } catch (RuntimeException | StackOverflowError e) {
            unreadable.add(d.key());
            log.warn("stored questionnaire {} could not be read again: {}", d.key(), e.getClass().getSimpleName());
        }
    }

    private void loadBundled() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(QuestionnaireCatalog.class.getClassLoader())
                    .getResources(BUNDLED);
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    String name = r.getFilename();
                    load(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, "bundled:" + name);
                }
            }
        } catch (IOException e) {
            log.error("bundled questionnaires could not be read", e);
        }
    }

    /** The watcher's task: nothing may escape it, or the executor would silently stop scheduling it. */
    private void scanFolderSafely() {
        try {
            refreshFromStore();
            scanFolder();
        } catch (Throwable e) {
            log.error("questionnaire folder scan failed ({}); trying again at the next scan", e.getClass().getSimpleName());
        }
    }

    private synchronized void scanFolder() {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                    || QuestionnaireFile.isXlsForm(p.toString())).sorted().toList();
        } catch (IOException e) {
            log.warn("questionnaire folder {} could not be read: {}", folder, e.getClass().getSimpleName());
            return;
        }
        for (Path f : files) {
            scanFile(f);
        }
    }

    /**
     * Loads one folder file if it is new or changed. Whatever the file does to the loader (even a
     * StackOverflowError), it is logged as {@code FILE:LINE} without its content and the next file is loaded; the
     * file is tried again only when it changes.
     */
    private void scanFile(Path f) {
        String name = f.getFileName().toString();
        try {
            String stamp = Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f);
            if (stamp.equals(seen.get(f))) {
                return;
            }
            seen.put(f, stamp);
            switch (QuestionnaireFile.read(f, name)) {
                case QuestionnaireFile.Text t -> {
                    if (Validator.hasErrors(t.conversionProblems())) {
                        // an XLSForm row that cannot be translated: refused, like a YAML error (each at SHEET:ROW)
                        t.conversionProblems().stream().filter(Problem::isError).forEach(p -> log.error("questionnaire refused: {}", p));
                    } else {
                        t.conversionProblems().forEach(p -> log.warn("questionnaire warning: {}", p));
                        load(t.text(), name, "folder:" + name);
                    }
                }
                case QuestionnaireFile.Refused r -> log.error("questionnaire refused: {}", r.problem());
            }
        } catch (IOException e) {
            log.warn("questionnaire refused: {}:1: the file could not be read ({})", name, e.getClass().getSimpleName());
        } catch (Throwable e) {
            log.error("questionnaire refused: {}:1: the file could not be loaded ({}); it is skipped until it changes",
                    name, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
