package be.buurtstem.analysis.coding;

import opennlp.tools.doccat.DoccatModel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Saves and loads a trained coder (the edge: file I/O). A model file is a zip: {@code manifest.json} (format, model
 * record, features, scheme, themes, thresholds, the codebook keywords if any) and one standard OpenNLP doccat model
 * per theme ({@code doccat/N.bin}), which OpenNLP's own tools can open; a blend's naive Bayes model per theme is
 * {@code doccat/nb/N.bin}. Saving writes a temporary file and moves it
 * into place, so a reader never sees half a model.
 */
public final class ModelStore {
    static final String FORMAT = "buurtstem-coder";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ModelStore() {
    }

    /** The manifest of a model file. */
    public record Manifest(String format, int formatVersion, ModelInfo info, String features, Scheme scheme, List<String> themes,
                           double[] constants, double defaultThreshold, Map<String, Double> thresholds, Codebook codebook) {
    }

    public static void save(CoderTrainer.Trained trained, Codebook codebook, Path file) throws IOException {
        CombinedCoder coder = trained.coder();
        CategorizerCoder cat = coder.categorizer();
        if (cat == null) {
            throw new IllegalArgumentException("only a trained coder can be saved");
        }
        Manifest m = new Manifest(FORMAT, FORMAT_VERSION, trained.info(), cat.features().toString(), cat.scheme(), cat.themeList(),
                cat.constants(), coder.thresholds().defaultThreshold(), coder.thresholds().sorted(), coder.keywordCoder() == null ? null : codebook);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".model", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(JSON.writeValueAsBytes(m));
                zip.closeEntry();
                writeModels(zip, "doccat/", cat.models());
                if (cat.secondModels() != null) {
                    writeModels(zip, "doccat/nb/", cat.secondModels());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeModels(ZipOutputStream zip, String prefix, List<DoccatModel> models) throws IOException {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) != null) {
                zip.putNextEntry(new ZipEntry(prefix + i + ".bin"));
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                models.get(i).serialize(buf);
                buf.writeTo(zip);
                zip.closeEntry();
            }
        }
    }

    /** Loads a model file; {@link IOException} names what is wrong with it. */
    public static CoderTrainer.Trained load(Path file) throws IOException {
        Manifest m = null;
        Map<Integer, DoccatModel> models = new HashMap<>();
        Map<Integer, DoccatModel> nb = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    try {
                        m = JSON.readValue(bytes, Manifest.class);
                    } catch (JacksonException ex) {
                        throw new IOException(file + ": model manifest is not readable: " + ex.getOriginalMessage(), ex);
                    }
                } else if (e.getName().startsWith("doccat/nb/") && e.getName().endsWith(".bin")) {
                    nb.put(Integer.parseInt(e.getName().substring(10, e.getName().length() - 4)), new DoccatModel(new ByteArrayInputStream(bytes)));
                } else if (e.getName().startsWith("doccat/") && e.getName().endsWith(".bin")) {
                    int i = Integer.parseInt(e.getName().substring(7, e.getName().length() - 4));
                    models.put(i, new DoccatModel(new ByteArrayInputStream(bytes)));
                }
            }
        }
        if (m == null || !FORMAT.equals(m.format())) {
            throw new IOException(file + ": not a Buurtstem coder model (made by 'code train')");
        }
        if (m.formatVersion() > FORMAT_VERSION) {
            throw new IOException(file + ": model format " + m.formatVersion() + " is newer than this program reads (" + FORMAT_VERSION + ")");
        }
        int n = m.scheme() == Scheme.ONE_VS_REST ? m.themes().size() : 1;
        List<DoccatModel> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(models.get(i));
        }
        if (m.scheme() == Scheme.MULTINOMIAL && list.get(0) == null) {
            throw new IOException(file + ": model file has no categorizer");
        }
        List<DoccatModel> second = null;
        if (!nb.isEmpty()) {
            second = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                second.add(nb.get(i));
                if ((nb.get(i) == null) != (list.get(i) == null)) {
                    throw new IOException(file + ": model file has a blend with a model missing for theme " + m.themes().get(i));
                }
            }
        }
        CategorizerCoder cat = new CategorizerCoder("model-" + m.info().version(), FeatureSet.parse(m.features()), m.scheme(),
                m.themes(), list, second, m.constants() == null ? new double[m.themes().size()] : m.constants());
        KeywordCoder kw = m.codebook() == null ? null : new KeywordCoder(m.codebook());
        CombinedCoder coder = new CombinedCoder(kw, cat, new Thresholds(m.defaultThreshold(), m.thresholds()));
        return new CoderTrainer.Trained(coder, m.info());
    }

    /** The model record as JSON, for reports. */
    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }
}
