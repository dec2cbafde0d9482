package be.buurtstem.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} or {@code --name value} options; every option has a default, unknown ones are refused. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    Args(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name=value)");
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                values.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(a.substring(2), args[++i]);
            } else {
                values.put(a.substring(2), "true");
            }
        }
    }

    String str(String name, String def) {
        used.add(name);
        return values.getOrDefault(name, def);
    }

    /**
     * A scenario's option: {@code --SCENARIO-NAME} always, plain {@code --NAME} only when that scenario runs alone
     * (in {@code all}, {@code --rate 100,200} is the webhook's, not the coding scenario's).
     */
    String scoped(String scenario, String name, boolean alone, String def) {
        used.add(scenario + "-" + name);
        String own = values.get(scenario + "-" + name);
        if (own != null) {
            return own;
        }
        if (alone) {
            used.add(name);
            return values.getOrDefault(name, def);
        }
        return def;
    }

    int integer(String name, int def) {
        return Integer.parseInt(str(name, String.valueOf(def)));
    }

    long seed(String name) {
        String s = str(name, null);
        return s == null ? System.nanoTime() : Long.parseLong(s);
    }

    boolean bool(String name, boolean def) {
        return Boolean.parseBoolean(str(name, String.valueOf(def)));
    }

    /** 90s, 2m, 500ms, or plain seconds. */
    Duration duration(String name, String def) {
        return parseDuration(str(name, def));
    }

    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000));
        }
        if (s.endsWith("h")) {
            return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 3_600_000));
        }
        return Duration.ofMillis((long) (Double.parseDouble(s) * 1000));
    }

    /** Refuses options no scenario asked for (a typo must not silently run the defaults). */
    void noneUnknown() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + unknown);
        }
    }
}
