package be.buurtstem.engine.run;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.model.NodeIndex;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.text.Renderer;

import java.time.Instant;

/**
 * What one step reads and never changes: the questionnaire with its index and renderer, the time, and the state the
 * step started from. Shared by the step's collaborators ({@link Prompts}, {@link Routing}, {@link Answering},
 * {@link Commands}); what they change is in {@link StepState}.
 */
record StepContext(Conversation conv, Questionnaire q, NodeIndex index, Renderer renderer, Instant now,
                   ConversationState original) {

    static StepContext of(Conversation conv, ConversationState s, Instant now) {
        return new StepContext(conv, conv.questionnaire(), conv.index(), conv.renderer(), now == null ? s.updatedAt() : now, s);
    }
}
