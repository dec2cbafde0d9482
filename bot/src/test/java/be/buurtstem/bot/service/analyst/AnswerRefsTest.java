package be.buurtstem.bot.service.analyst;

import be.buurtstem.bot.service.privacy.RespondentIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AnswerRefsTest {
    static final String STORED = "3f9a0c1e5b7d2468ace0135792468ace:inclusieweb:1:wish:0";

    @Test
    void aReferenceHidesTheRespondentIsStableAcrossRestartsAndLeadsBack(@TempDir Path data) {
        String ref = AnswerRefs.from(RespondentIds.load(null, data)).ref(STORED);
        assertFalse(ref.contains("3f9a0c1e") || ref.contains("inclusieweb") || ref.contains(":"), ref);
        AnswerRefs afterRestart = AnswerRefs.from(RespondentIds.load(null, data)); // same secret.key
        assertEquals(ref, afterRestart.ref(STORED));
        assertEquals(Optional.of(STORED), afterRestart.answerId(ref));
    }

    @Test
    void anotherSecretGivesOtherReferencesAndForgedOnesAreRefused() {
        AnswerRefs a = AnswerRefs.from(new RespondentIds("one secret of enough length".getBytes(StandardCharsets.UTF_8)));
        AnswerRefs b = AnswerRefs.from(new RespondentIds("another secret, also long".getBytes(StandardCharsets.UTF_8)));
        String ref = a.ref(STORED);
        assertNotEquals(ref, b.ref(STORED));
        assertEquals(Optional.empty(), b.answerId(ref));
        char c = ref.charAt(5);
        assertEquals(Optional.empty(), a.answerId(ref.substring(0, 5) + (c == 'x' ? 'y' : 'x') + ref.substring(6)));
        assertEquals(Optional.empty(), a.answerId(STORED));
        assertEquals(Optional.empty(), a.answerId("%%%"));
        assertEquals(Optional.empty(), a.answerId(""));
    }
}
