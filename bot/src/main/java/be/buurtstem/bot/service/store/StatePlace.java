package be.buurtstem.bot.service.store;

import be.buurtstem.engine.ConversationState;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a stored conversation is, read from the start of its state JSON without reading the rest (the state holds
 * every answer; the overview reads thousands of states and needs three fields). A state of another format than the
 * current one goes through {@link StateFormat#read} (its migrations) instead.
 */
record StatePlace(ConversationState.Status status, String node, ConversationState.Await await) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CURRENT_PREFIX = "{\"v\":" + StateFormat.CURRENT + ",";

    static StatePlace of(String json) {
        if (json == null || !json.startsWith(CURRENT_PREFIX)) {
            ConversationState s = StateFormat.read(json);
            return new StatePlace(s.status(), s.node(), s.await());
        }
        String status = null;
        String node = null;
        String await = null;
        boolean nodeSeen = false;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored conversation state is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME && (status == null || !nodeSeen || await == null)) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "status" -> status = p.getString();
                    case "node" -> {
                        node = t == JsonToken.VALUE_NULL ? null : p.getString();
                        nodeSeen = true;
                    }
                    case "await" -> await = p.getString();
                    default -> p.skipChildren();
                }
            }
        }
        if (status == null || await == null) { // not where the codec writes them: read it all
            ConversationState s = StateFormat.read(json);
            return new StatePlace(s.status(), s.node(), s.await());
        }
        return new StatePlace(ConversationState.Status.valueOf(status), node, ConversationState.Await.valueOf(await));
    }
}
