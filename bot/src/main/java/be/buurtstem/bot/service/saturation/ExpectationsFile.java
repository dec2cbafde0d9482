package be.buurtstem.bot.service.saturation;

import be.buurtstem.analysis.saturation.Expectations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected make-up of the neighbourhood ({@code BUURTSTEM_EXPECTATIONS}): a JSON file
 * {@code {"field": {"value": share, ...}, ...}}, e.g. {@code {"language": {"nl": 0.4, "fr": 0.35, "ar": 0.15}}},
 * the same as {@code saturation --expect}. Shares of a field are normalised. Segments with a share are the target
 * segments: named when under-represented or silent, and alerted when silent for {@code BUURTSTEM_SATURATION_SILENCE_AFTER}.
 * This file is the service-wide make-up; organisers can set a field per questionnaire in the saturation page
 * ({@link ScopeSettings}, the same field → value → number, numbers of inhabitants allowed), which replaces the file's
 * field for that questionnaire ({@link SaturationService#expectationsOf}).
 */
public final class ExpectationsFile {
    private ExpectationsFile() {
    }

    /** Reads the file; a blank path is no expectations. A bad file stops the service with the reason. */
    public static Expectations read(String path) {
        if (path == null || path.isBlank()) {
            return Expectations.NONE;
        }
        Path file = Path.of(path);
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("BUURTSTEM_EXPECTATIONS: cannot read " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("BUURTSTEM_EXPECTATIONS: " + file + ":" + e.getLocation().getLineNr()
                    + ": invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("BUURTSTEM_EXPECTATIONS: " + file
                    + ": expected an object {\"field\": {\"value\": share}}");
        }
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            if (!f.getValue().isObject()) {
                throw new IllegalArgumentException("BUURTSTEM_EXPECTATIONS: " + file + ": " + f.getKey()
                        + " must map values to shares");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : f.getValue().properties()) {
                if (!v.getValue().isNumber() || v.getValue().doubleValue() < 0) {
                    throw new IllegalArgumentException("BUURTSTEM_EXPECTATIONS: " + file + ": " + f.getKey() + "."
                            + v.getKey() + " must be a share >= 0");
                }
                values.put(v.getKey(), v.getValue().doubleValue());
            }
            shares.put(f.getKey(), values);
        }
        return new Expectations(shares, null);
    }
}
