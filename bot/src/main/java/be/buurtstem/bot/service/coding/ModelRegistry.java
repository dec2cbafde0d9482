package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CoderTrainer;
import be.buurtstem.analysis.coding.ModelStore;
import be.buurtstem.bot.service.store.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every model version ever trained: its record ({@code ModelInfo}: trained at, data size, per-theme counts,
 * thresholds, cross-validated scores) in {@code models}, its bytes as a model file
 * ({@code DATA_DIR/models/model-N.zip}, {@link ModelStore}'s format, which {@code code apply --model} also reads).
 */
public final class ModelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private final MongoCollection<Document> models;
    private final Path dir;

    public ModelRegistry(Store store, Path dataDir) {
        this.models = store.database().getCollection("models");
        this.dir = dataDir.resolve("models");
    }

    public Path file(int version) {
        return dir.resolve("model-" + version + ".zip");
    }

    /** Saves the model file, then its record (so a record always has its file). */
    public void save(CoderTrainer.Trained trained, Codebook codebook) throws IOException {
        Files.createDirectories(dir);
        int version = trained.info().version();
        ModelStore.save(trained, codebook, file(version));
        Document record = Document.parse(ModelStore.toJson(trained.info()));
        record.put("_id", version);
        record.put("file", dir.getFileName().resolve(file(version).getFileName()).toString());
        models.insertOne(record);
    }

    /** All model records, newest first. */
    public List<Document> list() {
        return models.find().sort(Sorts.descending("_id")).into(new ArrayList<>());
    }

    public int latestVersion() {
        Document d = models.find().sort(Sorts.descending("_id")).first();
        return d == null ? 0 : d.getInteger("_id");
    }

    /** The newest model whose file loads (an unreadable file is reported and the one before it tried). */
    public Optional<CoderTrainer.Trained> loadLatest() {
        for (Document d : list()) {
            int version = d.getInteger("_id");
            try {
                return Optional.of(ModelStore.load(file(version)));
            } catch (IOException | RuntimeException e) {
                log.warn("model version {} cannot be loaded ({}); trying the one before", version, e.getMessage());
            }
        }
        return Optional.empty();
    }
}
