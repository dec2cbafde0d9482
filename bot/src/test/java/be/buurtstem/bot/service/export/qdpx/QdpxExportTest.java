package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .qdpx writer on a small in-memory source: valid against the REFI-QDA schema, positions, references, bytes. */
class QdpxExportTest {
    static final Instant T = Instant.parse("2026-11-24T18:20:53.123Z");

    record ListSource(List<QdpxSource.RespondentAnswers> respondents) implements QdpxSource {
        @Override
        public String projectName() {
            return "Buurtstem: test";
        }

        @Override
        public Codebook codebook() {
            try {
                return CodebookReader.bundled();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String codeLanguage() {
            return "nl";
        }

        @Override
        public void eachRespondent(Consumer<RespondentAnswers> action) {
            respondents.forEach(action);
        }
    }

    static QdpxSource.CodedAnswer answer(String id, String text, String... themes) {
        List<QdpxSource.AppliedTheme> applied = java.util.Arrays.stream(themes)
                .map(t -> new QdpxSource.AppliedTheme(t, t.equals("housing") ? "analyst" : "coder: combined", T))
                .toList();
        return new QdpxSource.CodedAnswer(id, "wish", text, T, applied);
    }

    static final QdpxSource SOURCE = new ListSource(List.of(
            new QdpxSource.RespondentAnswers("r-aaa", "inclusieweb", Map.of("language", "ar", "area", "noord"),
                    List.of(answer("r-aaa:inclusieweb:1:wish:0", "الحديقة متسخة 🌳 والأطفال لا يلعبون", "green_space",
                                    "cleanliness"),
                            answer("r-aaa:inclusieweb:1:wish:1", "Meer\r\nbankjes & <licht> \u0007 \"nu\"",
                                    "housing", "bankjes_tekort"))),
            new QdpxSource.RespondentAnswers("r-aaa", "stellingen", Map.of("language", "ar"),
                    List.of(answer("r-aaa:stellingen:1:why:0", "لأن 𝔸 الجيران طيبون"))),
            new QdpxSource.RespondentAnswers("r-bbb", "inclusieweb", Map.of("language", "nl", "age_band", "65+"),
                    List.of(answer("r-bbb:inclusieweb:1:wish:0", "De bus komt nooit op tijd.", "mobility")))));

    static byte[] export(QdpxSource source) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QdpxExport.write(source, out);
        return out.toByteArray();
    }

    @Test
    void theProjectIsValidAndEveryCodedAnswerIsASelectionAtItsPlace() throws Exception {
        QdpxFile f = QdpxFile.read(export(SOURCE));
        // one source per respondent and questionnaire, one file per source
        assertEquals(3, f.all("TextSource").size());
        assertEquals(4, f.entries().size(), f.entries().keySet().toString());
        Map<String, List<String>> coded = f.codedSelections();
        assertEquals(List.of("Groen en speelruimte", "Netheid en afval"), coded.get("الحديقة متسخة 🌳 والأطفال لا يلعبون"),
                "the emoji counts once: positions are code points");
        assertEquals(List.of("Wonen: prijs en kwaliteit", "bankjes_tekort"), coded.get("Meer\nbankjes & <licht>  \"nu\""),
                "line ends as \\n, control characters gone, a theme outside the codebook is a code of its own");
        assertEquals(List.of(), coded.get("لأن 𝔸 الجيران طيبون"), "an uncoded answer is a selection without codings");
        assertEquals(4, coded.size());
        String text = f.sourceText(f.all("TextSource").getFirst());
        assertTrue(text.startsWith("[wish]\nالحديقة"), text);
    }

    @Test
    void codesCarryEveryLanguageUsersCasesAndVariablesAreReferencedByGuid() throws Exception {
        QdpxFile f = QdpxFile.read(export(SOURCE));
        Set<String> guids = new HashSet<>();
        for (String kind : List.of("User", "Code", "Variable", "Case", "TextSource", "PlainTextSelection", "Coding")) {
            for (Element e : f.all(kind)) {
                assertTrue(guids.add(e.getAttribute("guid")), "a GUID given twice: " + kind);
            }
        }
        for (String ref : List.of("CodeRef", "SourceRef", "VariableRef")) {
            for (Element e : f.all(ref)) {
                assertTrue(guids.contains(e.getAttribute("targetGUID")), ref + " to nothing");
            }
        }
        for (Element coding : f.all("Coding")) {
            assertTrue(guids.contains(coding.getAttribute("creatingUser")), "a coding by no user");
        }
        assertEquals(List.of("analyst", "coder: combined"), f.all("User").stream().map(u -> u.getAttribute("name"))
                .toList());
        Element green = f.all("Code").stream().filter(c -> c.getAttribute("name").equals("Groen en speelruimte"))
                .findFirst().orElseThrow();
        String description = QdpxFile.children(green, "Description").getFirst().getTextContent();
        for (String label : List.of("green_space", "nl: Groen en speelruimte", "fr: Espaces verts et de jeu",
                "ar: المساحات الخضراء وأماكن اللعب", "tr: Yeşil alan ve oyun alanı", "en: Green and play space")) {
            assertTrue(description.contains(label), label + " in " + description);
        }
        // one case per respondent, even with two questionnaires; its variables as text values
        List<Element> cases = f.all("Case");
        assertEquals(List.of("r-aaa", "r-bbb"), cases.stream().map(c -> c.getAttribute("name")).toList());
        assertEquals(2, QdpxFile.children(cases.getFirst(), "SourceRef").size());
        assertEquals(List.of("age_band", "area", "language"), f.all("Variable").stream()
                .map(v -> v.getAttribute("name")).toList());
        List<String> values = QdpxFile.children(cases.get(1), "VariableValue").stream()
                .map(v -> v.getTextContent()).toList();
        assertEquals(List.of("65+", "nl"), values);
    }

    @Test
    void twoExportsOfTheSameDataAreTheSameBytes() throws Exception {
        byte[] a = export(SOURCE);
        Thread.sleep(5);
        assertArrayEquals(a, export(SOURCE));
    }

    @Test
    void anEmptyQuestionnaireIsStillAValidProjectWithItsCodebook() throws Exception {
        QdpxFile f = QdpxFile.read(export(new ListSource(List.of())));
        assertEquals(0, f.all("TextSource").size());
        assertFalse(f.all("Code").isEmpty());
    }

    @Test
    void theSchemaCheckCanFail() {
        byte[] broken = "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Cases/></Project>".getBytes();
        assertThrows(org.xml.sax.SAXException.class, () -> QdpxFile.validate(broken));
    }
}
