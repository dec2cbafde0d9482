package be.buurtstem.engine;

import java.util.List;

/** The result of one step: the new state to store, the messages to send (in order), and what happened. */
public record Turn(ConversationState state, List<OutboundMessage> messages, List<Event> events) {

    public Turn {
        messages = List.copyOf(messages);
        events = List.copyOf(events);
    }

    /** Completed, refused or deleted: further replies only get a closing line. */
    public boolean finished() {
        return state.status().finished();
    }
}
