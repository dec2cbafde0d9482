package be.buurtstem.analysis.coding;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * An OpenNLP doccat feature generator that passes through features made by {@link FeatureSet}: the "tokens" given to
 * the categorizer are already the features. Named in saved doccat models, so it keeps a public no-argument constructor.
 */
public final class PrecomputedFeatures implements FeatureGenerator {
    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        return Arrays.asList(text);
    }
}
