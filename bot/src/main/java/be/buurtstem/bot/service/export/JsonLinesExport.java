package be.buurtstem.bot.service.export;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one object per answer, typed (booleans as booleans, numbers as numbers, lists as arrays, absent values
 * left out), with the field names of {@link ExportColumns}; segment fields beside the others, as the record format
 * of DESIGN.md has them. Written with one streaming generator.
 */
final class JsonLinesExport implements ExportFormat {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String extension() {
        return ".jsonl";
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson;charset=UTF-8";
    }

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        ExportColumns columns = new ExportColumns(source.segmentNames());
        OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
        try (JsonGenerator g = MAPPER.createGenerator(new NonClosing(buffered))) {
            source.each(r -> {
                row(g, r, columns.segments());
                g.writeRaw('\n');
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    private static void row(JsonGenerator g, ExportRow r, List<String> segments) {
        g.writeStartObject();
        g.writeStringProperty("id", r.id());
        g.writeStringProperty("text", r.text());
        string(g, "respondent", r.respondent());
        string(g, "question", r.question());
        string(g, "language", r.language());
        if (r.themes() != null) {
            g.writeArrayPropertyStart("themes");
            r.themes().forEach(g::writeString);
            g.writeEndArray();
        }
        string(g, "questionnaire", r.questionnaire());
        g.writeNumberProperty("version", r.version());
        g.writeNumberProperty("round", r.round());
        string(g, "kind", r.kind());
        string(g, "block", r.block());
        string(g, "channel", r.channel());
        value(g, "value", r.value());
        value(g, "label", r.label());
        if (r.latitude() != null) {
            g.writeNumberProperty("latitude", r.latitude());
        }
        if (r.longitude() != null) {
            g.writeNumberProperty("longitude", r.longitude());
        }
        string(g, "detected_language", r.detectedLanguage());
        g.writeBooleanProperty("confirmed", r.reviewed());
        for (String s : segments) {
            string(g, s, r.segments().get(s));
        }
        string(g, "received_at", r.receivedAt() == null ? null : r.receivedAt().toString());
        if (!r.scores().isEmpty()) {
            g.writeObjectPropertyStart("scores");
            for (Map.Entry<String, Double> e : r.scores().entrySet()) {
                g.writeNumberProperty(e.getKey(), ExportColumns.round(e.getValue()));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String v) {
        if (v != null) {
            g.writeStringProperty(name, v);
        }
    }

    private static void value(JsonGenerator g, String name, Object v) {
        if (v == null) {
            return;
        }
        g.writeName(name);
        scalarOrList(g, v);
    }

    private static void scalarOrList(JsonGenerator g, Object v) {
        switch (v) {
            case Collection<?> list -> {
                g.writeStartArray();
                list.forEach(item -> scalarOrList(g, item));
                g.writeEndArray();
            }
            case Boolean b -> g.writeBoolean(b);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Double d -> g.writeNumber(d);
            case Number n -> g.writeNumber(n.doubleValue());
            default -> g.writeString(String.valueOf(v));
        }
    }

    /** Lets the generator be closed (its buffer flushed) without closing the response or file under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
