package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.analysis.coding.Codebook;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code project.qde} (QDA-XML 1.0, {@code urn:QDA-XML:project:1.0}) as a stream: Users, CodeBook,
 * Variables, then one Case per respondent (a pass over the source) and one TextSource per respondent and
 * questionnaire with a PlainTextSelection per answer and a Coding per theme on it (a second pass). The schema's
 * order puts cases before sources; both name each other by GUIDs computed from ids, so neither pass keeps anything.
 * No time of export is written: the same data gives the same file.
 */
final class ProjectXml {
    static final String NS = "urn:QDA-XML:project:1.0";
    private final XMLStreamWriter xml;
    private final QdpxSource source;
    private final ProjectOutline outline;
    /** The GUIDs of the few users, codes and variables, named on every coding and case: computed once. */
    private final Map<String, String> userGuids = new java.util.HashMap<>();
    private final Map<String, String> codeGuids = new java.util.HashMap<>();
    private final Map<String, String> variableGuids = new java.util.HashMap<>();

    private ProjectXml(XMLStreamWriter xml, QdpxSource source, ProjectOutline outline) {
        this.xml = xml;
        this.source = source;
        this.outline = outline;
    }


    static void write(QdpxSource source, ProjectOutline outline, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new ProjectXml(xml, source, outline).project();
            xml.flush();
            xml.close(); // does not close the zip below it
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write project.qde: " + e.getMessage(), e);
        }
    }

    private void project() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "Project");
        xml.writeDefaultNamespace(NS);
        attribute("name", source.projectName());
        attribute("origin", "Buurtstem");
        users();
        codebook();
        variables();
        if (outline.respondents() > 0) {
            cases();
            sources();
        }
        element("Description", "Residents' free-text answers, one text source per resident and questionnaire; "
                + "codes are the Buurtstem codebook's themes; cases carry what is known of each resident "
                + "(pseudonymous ids only).");
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void users() throws XMLStreamException {
        if (outline.users().isEmpty()) {
            return;
        }
        xml.writeStartElement("Users");
        for (String u : outline.users()) {
            xml.writeEmptyElement("User");
            attribute("guid", QdpxGuids.user(u));
            attribute("name", u);
            attribute("id", u);
        }
        xml.writeEndElement();
    }

    private void codebook() throws XMLStreamException {
        if (outline.themes().isEmpty()) {
            return;
        }
        Codebook cb = source.codebook();
        Map<String, Codebook.Theme> byId = new TreeMap<>();
        cb.themes().forEach(t -> byId.put(t.id(), t));
        xml.writeStartElement("CodeBook");
        xml.writeStartElement("Codes");
        for (String id : outline.themes()) {
            Codebook.Theme t = byId.get(id);
            xml.writeStartElement("Code");
            attribute("guid", QdpxGuids.code(id));
            attribute("name", t == null ? id : label(t, cb.languages()));
            attribute("isCodable", "true");
            element("Description", t == null ? id + "\n(a theme analysts added; not in the codebook)"
                    : description(t, cb.languages()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The theme's label in the project's language, else the codebook's first language that has one, else its id. */
    private String label(Codebook.Theme t, List<String> languages) {
        String l = t.label().get(source.codeLanguage());
        for (int i = 0; l == null && i < languages.size(); i++) {
            l = t.label().get(languages.get(i));
        }
        return l == null ? t.id() : l;
    }

    /** The theme's id, then per language of the codebook its label and description. */
    static String description(Codebook.Theme t, List<String> languages) {
        StringBuilder sb = new StringBuilder(t.id());
        List<String> langs = new ArrayList<>(languages);
        t.label().keySet().stream().sorted().filter(l -> !langs.contains(l)).forEach(langs::add);
        for (String l : langs) {
            String label = t.label().get(l);
            String d = t.description().get(l);
            if (label == null && d == null) {
                continue;
            }
            sb.append('\n').append(l).append(": ").append(label == null ? "" : label);
            if (d != null) {
                sb.append(" - ").append(d);
            }
        }
        return sb.toString();
    }

    private void variables() throws XMLStreamException {
        if (outline.variables().isEmpty()) {
            return;
        }
        xml.writeStartElement("Variables");
        for (String v : outline.variables()) {
            xml.writeStartElement("Variable");
            attribute("guid", QdpxGuids.variable(v));
            attribute("name", v);
            attribute("typeOfVariable", "Text");
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** One case per respondent; a respondent's questionnaires (adjacent in the source) are sources of one case. */
    private void cases() throws XMLStreamException {
        xml.writeStartElement("Cases");
        String[] open = {null};
        source.eachRespondent(r -> {
            if (r.answers().isEmpty()) {
                return;
            }
            try {
                if (!r.respondent().equals(open[0])) {
                    if (open[0] != null) {
                        xml.writeEndElement();
                    }
                    open[0] = r.respondent();
                    xml.writeStartElement("Case");
                    attribute("guid", QdpxGuids.caseOf(r.respondent()));
                    attribute("name", r.respondent());
                    for (Map.Entry<String, String> v : new TreeMap<>(r.variables()).entrySet()) {
                        if (v.getValue() == null) {
                            continue;
                        }
                        xml.writeStartElement("VariableValue");
                        xml.writeEmptyElement("VariableRef");
                        attribute("targetGUID", variableGuids.computeIfAbsent(v.getKey(), QdpxGuids::variable));
                        element("TextValue", v.getValue());
                        xml.writeEndElement();
                    }
                }
                xml.writeEmptyElement("SourceRef");
                attribute("targetGUID", QdpxGuids.source(r.respondent(), r.questionnaire()));
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
        if (open[0] != null) {
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void sources() throws XMLStreamException {
        xml.writeStartElement("Sources");
        source.eachRespondent(r -> {
            if (r.answers().isEmpty()) {
                return;
            }
            try {
                source(r);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        });
        xml.writeEndElement();
    }

    private void source(QdpxSource.RespondentAnswers r) throws XMLStreamException {
        String guid = QdpxGuids.source(r.respondent(), r.questionnaire());
        SourceText text = SourceText.of(r.answers());
        xml.writeStartElement("TextSource");
        attribute("guid", guid);
        attribute("name", r.questionnaire() + " - " + r.respondent());
        attribute("plainTextPath", "internal://" + guid + ".txt");
        time("creationDateTime", r.answers().getFirst().at());
        for (int i = 0; i < r.answers().size(); i++) {
            QdpxSource.CodedAnswer a = r.answers().get(i);
            SourceText.Span span = text.spans().get(i);
            xml.writeStartElement("PlainTextSelection");
            attribute("guid", QdpxGuids.selection(a.id()));
            attribute("name", a.question());
            attribute("startPosition", Integer.toString(span.start()));
            attribute("endPosition", Integer.toString(span.end()));
            time("creationDateTime", a.at());
            for (QdpxSource.AppliedTheme t : a.themes()) {
                xml.writeStartElement("Coding");
                attribute("guid", QdpxGuids.coding(a.id(), t.theme()));
                attribute("creatingUser", userGuids.computeIfAbsent(t.user(), QdpxGuids::user));
                time("creationDateTime", t.at());
                xml.writeEmptyElement("CodeRef");
                attribute("targetGUID", codeGuids.computeIfAbsent(t.theme(), QdpxGuids::code));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void time(String name, Instant at) throws XMLStreamException {
        if (at != null) {
            attribute(name, at.toString());
        }
    }

    private void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlSafe(value));
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot hold (control characters, lone surrogates) from a value. */
    static String xmlSafe(String s) {
        if (allSafe(s)) {
            return s; // nearly every value: no copy
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean allSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD || c >= 0xD800 && c <= 0xDFFF || c > 0xFFFD) {
                return false; // surrogates (pairs included) take the careful path
            }
        }
        return true;
    }
}
