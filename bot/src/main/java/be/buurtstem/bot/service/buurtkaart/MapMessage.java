package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.engine.OutboundMessage;

import java.util.Optional;

/**
 * "Send this resident the picture of their map" as one of the outbound messages of a turn: a reference, never the
 * picture, so the outbox and the session hold no image and the picture is drawn from the answers when it is sent
 * (a resident deleted meanwhile gets nothing). The text is a marker that starts with U+FDD0, a Unicode noncharacter
 * (reserved for a program's internal use, never typed nor in a questionnaire), followed by the questionnaire id.
 * Each channel turns it into its own picture message; see {@link #questionnaireOf}.
 */
public final class MapMessage {
    private static final String MARK = "\uFDD0map:";

    private MapMessage() {
    }

    public static OutboundMessage of(String questionnaire) {
        return OutboundMessage.info(MARK + questionnaire);
    }

    /** The questionnaire whose map the message refers to; empty for every other message. */
    public static Optional<String> questionnaireOf(OutboundMessage m) {
        String t = m.text();
        return t != null && t.startsWith(MARK) ? Optional.of(t.substring(MARK.length())) : Optional.empty();
    }
}
