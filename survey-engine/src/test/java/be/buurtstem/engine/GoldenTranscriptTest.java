package be.buurtstem.engine;

import be.buurtstem.engine.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Every golden transcript under {@code src/test/resources/golden/}: the conversation each script plays must give
 * exactly the messages, buttons, events and final state written in the file. Regenerate after an intended change
 * with {@code mvn -B -o -pl survey-engine test -Dtest=GoldenTranscriptTest -Dgolden.update=true} and review the diff.
 */
class GoldenTranscriptTest {
    @TestFactory
    Stream<DynamicTest> everyGoldenFile() {
        return GoldenFiles.tests();
    }
}
