package be.buurtstem.bot.service.store;

import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.StateCodec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The stored form of a conversation state: the engine's JSON ({@link StateCodec}), whose {@code "v"} is the format
 * version. A state written by an older format is migrated step by step ({@code MIGRATIONS}: from version n to n+1,
 * on the JSON tree) before the engine reads it, so a conversation paused for months survives an upgrade; a state of
 * a newer format than this program knows is refused with a clear message instead of being half understood.
 * Version 1 is the first format (a state without {@code "v"} is read as version 1: the codec always wrote that form).
 */
public final class StateFormat {
    public static final int CURRENT = 1;
    /** from version n to n + 1; empty while version 1 is the only format. */
    static final Map<Integer, UnaryOperator<ObjectNode>> MIGRATIONS = Map.of();
    private static final String CURRENT_PREFIX = "{\"v\":" + CURRENT + ",";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StateFormat() {
    }

    public static String write(ConversationState state) {
        return StateCodec.toJson(state);
    }

    public static ConversationState read(String json) {
        if (json != null && json.startsWith(CURRENT_PREFIX)) {
            return StateCodec.fromJson(json); // what this program writes: no tree, no copy
        }
        ObjectNode tree;
        try {
            tree = (ObjectNode) JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored conversation state is not JSON: " + e.getClass().getSimpleName());
        }
        int version = tree.has("v") ? tree.get("v").asInt() : 1;
        if (version > CURRENT) {
            throw new IllegalStateException("stored conversation state has format v" + version
                    + ", newer than this program reads (v" + CURRENT + "): run the newer version");
        }
        for (int v = version; v < CURRENT; v++) {
            UnaryOperator<ObjectNode> step = MIGRATIONS.get(v);
            if (step == null) {
                throw new IllegalStateException("no migration of the conversation state from format v" + v);
            }
            tree = step.apply(tree);
        }
        tree.put("v", CURRENT);
        return StateCodec.fromJson(JSON.writeValueAsString(tree));
    }
}
