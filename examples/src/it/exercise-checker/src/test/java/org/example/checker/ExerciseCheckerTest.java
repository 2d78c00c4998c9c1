package org.example.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drawnet.api.Backends;
import io.github.drawnet.sampling.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on both engines and the reference backend, in one JVM, as the BOM's pins promise. */
class ExerciseCheckerTest {

    @Test
    void blob_passesOnEveryBackend_inOneJvm(@TempDir Path out) throws Exception {
        assertEquals(java.util.List.of("djl", "dl4j", "reference"), Backends.discover().ids());
        ExerciseChecker checker = new ExerciseChecker();
        for (String backend : new String[] {"djl", "dl4j", "reference"}) {
            ExerciseChecker.Verdict v = checker.check(Preset.BLOB.drawing(), backend, ExerciseChecker.quick(), 0.9, out);
            assertEquals(backend, v.backend());
            assertTrue(v.passed(), backend + ": accuracy " + v.accuracy());
            assertTrue(Files.readString(v.report()).contains("Accuracy on the test set"), backend);
            assertTrue(Files.size(v.model()) > 1000, backend);
            assertEquals(30 + 10, v.epochsAfterReload(), backend);
            assertTrue(v.accuracyAfterReload() > 0.85, backend + ": after reload " + v.accuracyAfterReload());
        }
    }

    @Test
    void preferredBackend_isDjl() throws Exception {
        assertEquals("djl", Backends.discover().preferred().id());
    }
}
