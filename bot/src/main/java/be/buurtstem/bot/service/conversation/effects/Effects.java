package be.buurtstem.bot.service.conversation.effects;

import be.buurtstem.bot.service.conversation.Inbound;
import be.buurtstem.bot.service.store.RespondentChange;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.UnplacedReply;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Turn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effects of one engine turn, gathered by the event handlers and then written by the conversation service in
 * one go (one write per collection): the respondent's changes, the answers, the unplaced replies, the session's new
 * status and the extra messages around the engine's own. Handlers only add to it; none of them writes.
 */
public final class Effects {
    private final String respondent;
    private final Inbound inbound;
    private final SessionRecord session;
    private final Survey survey;
    private final Turn turn;
    private final Map<String, String> segments;
    private final RespondentChange respondentChange = new RespondentChange();
    private final List<StoredAnswer> answers = new ArrayList<>();
    private final List<UnplacedReply> unplaced = new ArrayList<>();
    private final List<OutboundMessage> before = new ArrayList<>();
    private final List<OutboundMessage> after = new ArrayList<>();
    private String status;
    private boolean linkSegmentsKept;
    private boolean deleteRequested;

    /**
     * @param segments the respondent's segment values as stored before this message (they grow with its answers)
     */
    public Effects(String respondent, Inbound inbound, SessionRecord session, Survey survey, Turn turn,
                   Map<String, String> segments) {
        this.respondent = respondent;
        this.inbound = inbound;
        this.session = session;
        this.survey = survey;
        this.turn = turn;
        this.segments = new LinkedHashMap<>(segments);
        this.status = session.status();
    }

    public String respondent() {
        return respondent;
    }

    public Inbound inbound() {
        return inbound;
    }

    public SessionRecord session() {
        return session;
    }

    public Survey survey() {
        return survey;
    }

    public Turn turn() {
        return turn;
    }

    /** The conversation's language after this turn. */
    public String language() {
        return turn.state().language();
    }

    public RespondentChange respondentChange() {
        return respondentChange;
    }

    public List<StoredAnswer> answers() {
        return answers;
    }

    public List<UnplacedReply> unplaced() {
        return unplaced;
    }

    /** Messages sent before the engine's (e.g. "my data" when the engine shows nothing itself). */
    public List<OutboundMessage> before() {
        return before;
    }

    /** Messages sent after the engine's. */
    public List<OutboundMessage> after() {
        return after;
    }

    public String status() {
        return status;
    }

    void status(String status) {
        this.status = status;
    }

    public boolean deleteRequested() {
        return deleteRequested;
    }

    void requestDelete() {
        this.deleteRequested = true;
    }

    /** The respondent's segment values now, with this message's answers. */
    Map<String, String> segments() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(segments)); // a value may be null
    }

    void segment(String field, String value) {
        segments.put(field, value);
        respondentChange.segment(field, value);
    }

    /** Segment values from the deep link become part of the respondent once they take part (never before). */
    void keepLinkSegments() {
        if (!linkSegmentsKept) {
            linkSegmentsKept = true;
            session.linkSegments().forEach(this::segment);
        }
    }
}
