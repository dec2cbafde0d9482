package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.ModelStore;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.privacy.OwnerOnly;
import be.buurtstem.bot.service.store.ModelRecord;
import be.buurtstem.bot.service.store.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every model version ever trained: its record ({@code ModelInfo}: trained at, data size, per-theme counts,
 * thresholds, cross-validated scores) in {@code models}, its bytes as a model file
 * ({@code DATA_DIR/models/model-N.zip}, {@link ModelStore}'s format, which {@code code apply --model} also reads).
 * A model file holds the words it learnt as feature names, so a version is removed as soon as one of the analysed
 * answers it learnt from is deleted ({@link Learning#eraseDerived()}).
 */
public final class ModelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private final Models models;
    private final Path dir;

    public ModelRegistry(Store store, Path dataDir) {
        this.models = store.models();
        this.dir = dataDir.resolve("models");
    }

    public Path file(int version) {
        return dir.resolve("model-" + version + ".zip");
    }

    /**
     * Saves the model file (owner-only), then its record (so a record always has its file). {@code trainedOn}: the
     * {@link #fingerprint}s of the analysed answers it learnt from, so that it can be dropped once one is deleted.
     */
    public void save(CoderTrainer.Trained trained, Codebook codebook, Collection<String> trainedOn) throws IOException {
        save(trained, codebook, trainedOn, Map.of());
    }

    /** {@link #save}, with further fields of the record ({@link ModelInUse#promotionFields}) written with it. */
    public void save(CoderTrainer.Trained trained, Codebook codebook, Collection<String> trainedOn,
                     Map<String, Object> fields) throws IOException {
        OwnerOnly.folder(dir);
        int version = trained.info().version();
        ModelStore.save(trained, codebook, file(version));
        OwnerOnly.file(file(version));
        models.insert(version, ModelStore.toJson(trained.info()),
                dir.getFileName().resolve(file(version).getFileName()).toString(),
                trainedOn.stream().sorted().toList(), fields);
    }

    /**
     * A stable, non-reversible tag of an answer id (which starts with the respondent id): a model record names the
     * answers it learnt from without naming the resident.
     */
    public static String fingerprint(String answerId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("trained-on\u0000" + answerId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The versions that learnt from an analysed answer no longer among {@code present} (fingerprints of the answers
     * analysts decided on that are still stored). A version saved before fingerprints were kept counts as such when
     * it learnt from any analysed answer at all (we cannot tell which).
     */
    public List<Integer> trainedOnDeleted(Set<String> present) {
        List<Integer> out = new ArrayList<>();
        for (ModelRecord d : list()) {
            List<String> on = d.trainedOn();
            boolean stale = on == null ? d.examples() > d.synthetic() : !present.containsAll(on);
            if (stale) {
                out.add(d.version());
            }
        }
        return out;
    }

    /** Removes a version: its file first, then its record. */
    public void remove(int version) throws IOException {
        Files.deleteIfExists(file(version));
        models.remove(version);
    }

    /** All model records, newest first. */
    public List<ModelRecord> list() {
        return models.list();
    }

    /**
     * The number for a new version: higher than any given before, also than one since dropped (after a drop and a
     * retraining a number was given again before, so that it named two models).
     */
    public int nextVersion() {
        return models.nextVersion();
    }

    /** The highest version ever numbered (also one since dropped, so that a number never names two models). */
    public int latestVersion() {
        return models.lastVersion();
    }

    /** The record of a version, if it is stored. */
    public Optional<ModelRecord> record(int version) {
        return models.record(version);
    }

    /**
     * The fingerprints of the analysed answers a version learnt from: empty for 0 (the keyword coder learnt from
     * none), null when not known (a version saved before they were kept, or one no longer stored).
     */
    public Set<String> trainedOn(int version) {
        if (version == 0) {
            return Set.of();
        }
        List<String> on = record(version).map(ModelRecord::trainedOn).orElse(null);
        return on == null ? null : Set.copyOf(on);
    }

    /** The model of a version, when its file loads (an unreadable file is reported). */
    public Optional<CoderTrainer.Trained> load(int version) {
        try {
            return Optional.of(ModelStore.load(file(version)));
        } catch (IOException | RuntimeException e) {
            log.warn("model version {} cannot be loaded ({})", version, e.getMessage());
            return Optional.empty();
        }
    }
}
