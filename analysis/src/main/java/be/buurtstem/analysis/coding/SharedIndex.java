package be.buurtstem.analysis.coding;

import opennlp.tools.ml.model.AbstractDataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenNLP training data indexed once and shared by the one-vs-rest models: the same answers and features, with a
 * different yes/no outcome per theme. OpenNLP's own indexers would re-read and re-hash every feature of every answer
 * for each theme (and the default one writes them to a temporary file); with 21 themes that was 85 % of the training
 * time. Features seen fewer than {@code cutoff} times are left out, as OpenNLP does.
 */
final class SharedIndex {
    private final int[][] contexts;
    private final String[] predLabels;
    private final int[] predCounts;
    private final int[] once;

    SharedIndex(List<String[]> features, int cutoff) {
        Map<String, Integer> counts = new HashMap<>();
        for (String[] f : features) {
            for (String s : f) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= cutoff) {
                index.put(e.getKey(), index.size());
            }
        }
        predLabels = new String[index.size()];
        predCounts = new int[index.size()];
        index.forEach((s, i) -> {
            predLabels[i] = s;
            predCounts[i] = counts.get(s);
        });
        contexts = new int[features.size()][];
        for (int e = 0; e < features.size(); e++) {
            String[] f = features.get(e);
            int[] c = new int[f.length];
            int n = 0;
            for (String s : f) {
                Integer i = index.get(s);
                if (i != null) {
                    c[n++] = i;
                }
            }
            contexts[e] = n == c.length ? c : java.util.Arrays.copyOf(c, n);
        }
        once = new int[features.size()];
        java.util.Arrays.fill(once, 1);
    }

    /** The features kept (seen at least cutoff times). */
    String[] predLabels() {
        return predLabels;
    }

    /** The data indexer for one theme: outcome "1" for the answers that have it, "0" for the others. */
    AbstractDataIndexer forTheme(List<Set<String>> labels, String theme) {
        int[] outcomes = new int[labels.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = labels.get(i).contains(theme) ? 1 : 0;
        }
        return new View(outcomes);
    }

    private final class View extends AbstractDataIndexer {
        View(int[] outcomes) {
            this.contexts = SharedIndex.this.contexts;
            this.predLabels = SharedIndex.this.predLabels;
            this.predCounts = SharedIndex.this.predCounts;
            this.numTimesEventsSeen = once;
            this.outcomeLabels = new String[] {CategorizerCoder.NO, CategorizerCoder.YES};
            this.outcomeList = outcomes;
        }

        @Override
        public void index(ObjectStream<Event> eventStream) {
            throw new UnsupportedOperationException("already indexed");
        }
    }
}
