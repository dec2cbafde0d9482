package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.LocationNode;
import be.buurtstem.engine.text.Visible;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code location}: a shared location, or a place typed as text. */
public final class LocationKind implements KindHandler<LocationNode> {

    @Override
    public Kind kind() {
        return Kind.LOCATION;
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text; the resident shares a location or types a place/street",
                "`{lat, lon}` or the typed text", List.of(), """
                - id: unsafe_spot
                  kind: location
                  text: {nl: "Waar voel je je niet veilig?", en: "Where do you feel unsafe?"}
                  next: bye
                """);
    }

    @Override
    public LocationNode read(NodeSource s) {
        return new LocationNode(s.common(), s.required(), s.segment());
    }

    @Override
    public OutboundMessage prompt(LocationNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(), Expect.LOCATION);
    }

    @Override
    public void answer(LocationNode n, Input input, AnswerContext c) {
        c.apply(n, read(input));
    }

    public static Reading read(Input input) {
        if (input instanceof Input.Location l && Double.isFinite(l.lat()) && Double.isFinite(l.lon())
                && Math.abs(l.lat()) <= 90 && Math.abs(l.lon()) <= 180) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lat", l.lat());
            v.put("lon", l.lon());
            return new Reading.Value(Collections.unmodifiableMap(v), l.lat() + ", " + l.lon());
        }
        if (input instanceof Input.Text t && Visible.any(t.text())) {
            return new Reading.Value(Visible.strip(t.text()), Visible.strip(t.text()));
        }
        return Reading.Miss.of(Reason.EXPECTED_LOCATION, "reprompt_location");
    }
}
