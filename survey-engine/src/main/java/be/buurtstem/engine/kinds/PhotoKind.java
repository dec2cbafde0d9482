package be.buurtstem.engine.kinds;

import be.buurtstem.engine.Event.Reason;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.PhotoNode;
import be.buurtstem.engine.text.Visible;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code photo}: a photo with an optional caption; the channel's file reference is recorded. */
public final class PhotoKind implements KindHandler<PhotoNode> {

    @Override
    public Kind kind() {
        return Kind.PHOTO;
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public KindDoc doc() {
        return new KindDoc("the text; the resident sends a photo (with an optional caption)",
                "the channel's file reference and the caption", List.of(), """
                - id: litter
                  kind: photo
                  text: {nl: "Stuur een foto van de plek.", en: "Send a photo of the spot."}
                  required: false
                  next: bye
                """);
    }

    @Override
    public PhotoNode read(NodeSource s) {
        return new PhotoNode(s.common(), s.required(), s.segment());
    }

    @Override
    public OutboundMessage prompt(PhotoNode n, PromptContext c) {
        return new OutboundMessage(c.render(n.text(), n), List.of(), Expect.PHOTO);
    }

    @Override
    public void answer(PhotoNode n, Input input, AnswerContext c) {
        c.apply(n, read(input));
    }

    public static Reading read(Input input) {
        if (input instanceof Input.Photo p && p.fileRef() != null && !p.fileRef().isBlank()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("file", p.fileRef());
            String caption = Visible.strip(p.caption());
            if (!caption.isEmpty()) {
                v.put("caption", caption);
            }
            return new Reading.Value(Collections.unmodifiableMap(v), caption);
        }
        return Reading.Miss.of(Reason.EXPECTED_PHOTO, "reprompt_photo");
    }
}
