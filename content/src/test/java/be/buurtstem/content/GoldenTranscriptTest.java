package be.buurtstem.content;

import be.buurtstem.engine.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Every golden transcript under {@code src/test/resources/golden/}, played on the bundled questionnaires with the
 * engine's shared driver: the messages, buttons, events and final state must be exactly those in the file.
 * Regenerate after an intended change with
 * {@code mvn -B -o -pl content test -Dtest=GoldenTranscriptTest -Dgolden.update=true} and review the diff.
 */
class GoldenTranscriptTest {
    @TestFactory
    Stream<DynamicTest> everyGoldenFile() {
        return GoldenFiles.tests();
    }
}
