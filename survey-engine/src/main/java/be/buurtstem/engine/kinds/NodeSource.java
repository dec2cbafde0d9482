package be.buurtstem.engine.kinds;

import be.buurtstem.engine.load.NodeReader;
import be.buurtstem.engine.load.YamlTree.Entry;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Text;

import java.util.List;
import java.util.Map;

/**
 * One node's YAML as a kind reads its own keys: the shared part already read, each key read with the loader's
 * messages. A key that is absent reads as null (or the fallback) without a problem; a missing required key is
 * reported by the kind.
 *
 * @param guessed the file's kind word was unknown and this kind is a guess: missing keys are not reported, so that
 *                one wrong word gives one message
 */
public record NodeSource(Node.Common common, boolean required, String segment, Map<String, Entry> entries,
                         NodeReader reader, boolean guessed, String what, boolean nested) {

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    public Text text(String key) {
        return has(key) ? reader.text(entries.get(key)) : null;
    }

    public Double number(String key) {
        return has(key) ? reader.number(entries.get(key)) : null;
    }

    public boolean bool(String key, boolean fallback) {
        return !has(key) ? fallback : reader.bool(entries.get(key), fallback);
    }

    /** The options, reporting their absence (unless the kind is a guess). */
    public List<Option> options() {
        if (!has("options")) {
            if (!guessed) {
                missing("options", "");
            }
            return List.of();
        }
        return reader.options(entries.get("options"));
    }

    public void missing(String key, String why) {
        reader.error(common.line(), "missing key '" + key + "' in " + what + why);
    }

    public void error(int line, String message) {
        reader.error(line, message);
    }
}
