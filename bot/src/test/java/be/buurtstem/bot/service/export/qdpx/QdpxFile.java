package be.buurtstem.bot.service.export.qdpx;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An exported {@code .qdpx} read back as a test sees it: its entries, {@code project.qde} validated against the
 * REFI-QDA schema (test resource {@code /refi-qda/Project-mrt2019.xsd}) and parsed, and the words of each selection
 * cut out of its source file at the exported positions.
 */
public record QdpxFile(Map<String, byte[]> entries, Document project) {
    public static QdpxFile read(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (entries.put(e.getName(), in.readAllBytes()) != null) {
                    throw new AssertionError("entry twice: " + e.getName());
                }
            }
        }
        readThroughTheDirectory(zip, entries);
        byte[] qde = entries.get("project.qde");
        if (qde == null) {
            throw new AssertionError("no project.qde in " + entries.keySet());
        }
        validate(qde);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return new QdpxFile(entries, f.newDocumentBuilder().parse(new ByteArrayInputStream(qde)));
    }

    /**
     * Reads the zip again as tools that open it by its central directory do ({@code java.util.zip.ZipFile}, like
     * Python's zipfile in QualCoder): the same entries with the same bytes.
     */
    static void readThroughTheDirectory(byte[] zip, Map<String, byte[]> entries) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("qdpx-test-", ".zip");
        try {
            java.nio.file.Files.write(file, zip);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                if (z.size() != entries.size()) {
                    throw new AssertionError("the directory names " + z.size() + " entries, the stream "
                            + entries.size());
                }
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry d = z.getEntry(e.getKey());
                    if (d == null) {
                        throw new AssertionError("not in the directory: " + e.getKey());
                    }
                    try (var in = z.getInputStream(d)) {
                        if (!java.util.Arrays.equals(in.readAllBytes(), e.getValue())) {
                            throw new AssertionError("other bytes through the directory: " + e.getKey());
                        }
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Throws with the schema's own message (line and column) when project.qde is not valid QDA-XML 1.0. */
    public static void validate(byte[] qde) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (var xsd = QdpxFile.class.getResourceAsStream("/refi-qda/Project-mrt2019.xsd")) {
            if (xsd == null) {
                throw new AssertionError("the schema is not among the test resources");
            }
            sf.newSchema(new StreamSource(xsd)).newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(qde)));
        }
    }

    public List<Element> all(String name) {
        NodeList list = project.getElementsByTagNameNS(ProjectXml.NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    public static List<Element> children(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(ProjectXml.NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                out.add((Element) list.item(i));
            }
        }
        return out;
    }

    /** The text of a source, from the file its {@code plainTextPath} names ({@code internal://X} = sources/X). */
    public String sourceText(Element textSource) throws IOException {
        String path = textSource.getAttribute("plainTextPath");
        if (!path.startsWith("internal://")) {
            throw new AssertionError("not an internal source: " + path);
        }
        byte[] b = entries.get("sources/" + path.substring("internal://".length()));
        if (b == null) {
            throw new AssertionError("no file for " + path + " in " + entries.keySet());
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The words a selection covers: its start and end positions counted in code points. */
    public static String cut(String text, Element selection) {
        int start = Integer.parseInt(selection.getAttribute("startPosition"));
        int end = Integer.parseInt(selection.getAttribute("endPosition"));
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    /** Each selection's words → the names of the codes on it (by following Coding/CodeRef to the Code). */
    public Map<String, List<String>> codedSelections() throws IOException {
        Map<String, String> codeNames = new LinkedHashMap<>();
        for (Element c : all("Code")) {
            codeNames.put(c.getAttribute("guid"), c.getAttribute("name"));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element source : all("TextSource")) {
            String text = sourceText(source);
            for (Element sel : children(source, "PlainTextSelection")) {
                List<String> codes = new ArrayList<>();
                for (Element coding : children(sel, "Coding")) {
                    String target = children(coding, "CodeRef").getFirst().getAttribute("targetGUID");
                    if (!codeNames.containsKey(target)) {
                        throw new AssertionError("a coding refers to no code: " + target);
                    }
                    codes.add(codeNames.get(target));
                }
                out.put(cut(text, sel), codes);
            }
        }
        return out;
    }
}
