package be.buurtstem.bot.service.questionnaires;

import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredQuestionnaires;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * restarts too. A folder file wins over a bundled one with the same id.
 */
public class QuestionnaireCatalog implements SurveyCatalog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuestionnaireCatalog.class);
    public static final String BUNDLED = "classpath*:be/buurtstem/content/questionnaires/*.yaml";

    private final Store store;
    private final Path folder;
    private final Map<String, EngineSurvey> current = new ConcurrentHashMap<>();
    private final Map<String, EngineSurvey> versions = new ConcurrentHashMap<>();
    private final Map<String, String> currentOrigin = new ConcurrentHashMap<>();
    private final Map<Path, String> seen = new HashMap<>();
    private final ScheduledExecutorService watcher;

    public QuestionnaireCatalog(Store store, Path folder, Duration reloadInterval) {
        this.store = store;
        this.folder = folder;
        loadStoredVersions();
        loadBundled();
        if (folder != null) {
            scanFolder();
            this.watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("questionnaire-watch")
                    .daemon(true).factory());
            long ms = Math.max(100, reloadInterval.toMillis());
            watcher.scheduleWithFixedDelay(this::scanFolderSafely, ms, ms, TimeUnit.MILLISECONDS);
        } else {
            this.watcher = null;
        }
        log.info("serving questionnaires {}", current.keySet().stream().sorted().toList());
    }

    @Override
    public List<Survey> current() {
        return current.values().stream().sorted(Comparator.comparing(EngineSurvey::id)).map(s -> (Survey) s).toList();
    }

    @Override
    public Optional<Survey> current(String id) {
        return Optional.ofNullable(current.get(id));
    }

    @Override
    public Optional<Survey> version(String id, int version) {
        return Optional.ofNullable(versions.get(id + ":" + version));
    }

    /** Validates and serves a questionnaire file's text; returns the problems (errors mean it was refused). */
    public synchronized List<Problem> load(String yaml, String fileName, String origin) {
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
            return problems;
        }
        for (Problem p : problems) {
            log.warn("questionnaire warning: {}", p);
        }
        EngineSurvey survey = new EngineSurvey(r.questionnaire());
        String id = survey.id();
        String previousOrigin = currentOrigin.get(id);
        if (previousOrigin != null && previousOrigin.startsWith("folder:") && origin.startsWith("bundled:")) {
            return problems; // an organiser's file overrides the bundled one
        }
        // Stored before it is served: a resident who starts this version must find it again after a restart.
        store.storedQuestionnaires().put(new StoredQuestionnaires.Version(id, survey.version(), fileName, yaml,
                java.time.Instant.now()));
        versions.put(id + ":" + survey.version(), survey);
        current.put(id, survey);
        currentOrigin.put(id, origin);
        log.info("questionnaire served: {} version {} from {}", id, survey.version(), fileName);
        return problems;
    }

    private void loadStoredVersions() {
        for (StoredQuestionnaires.Version d : store.storedQuestionnaires().all()) {
            try {
                LoadResult r = QuestionnaireLoader.parse(d.source(), d.file());
                if (r.questionnaire() != null && !r.hasErrors()) {
                    EngineSurvey s = new EngineSurvey(r.questionnaire());
                    versions.put(s.id() + ":" + s.version(), s);
                }
            } catch (RuntimeException | StackOverflowError e) {
                log.warn("stored questionnaire {} could not be read again: {}", d.key(), e.getClass().getSimpleName());
            }
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
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
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
                case QuestionnaireFile.Text t -> load(t.text(), name, "folder:" + name);
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
