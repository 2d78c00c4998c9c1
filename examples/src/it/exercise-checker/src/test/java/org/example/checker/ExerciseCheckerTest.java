package org.example.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.drawnet.api.Backends;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.grading.GradedRun;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.sampling.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on both engines and the reference backend, in one JVM, as the BOM's pins promise. */
class ExerciseCheckerTest {

    @Test
    void check_blob_passesOnEveryBackend_inOneJvm(@TempDir Path out) throws Exception {
        assertEquals(List.of("djl", "dl4j", "reference"), Backends.discover().ids());
        ExerciseChecker checker = new ExerciseChecker();
        for (String backend : new String[] {"djl", "dl4j", "reference"}) {
            Path dir = out.resolve(backend);
            ExerciseChecker.Verdict v = checker.check(DrawingSource.preset("blob"), backend, ExerciseChecker.quick(),
                    0.9, dir);
            assertEquals(backend, v.run().result().backendId());
            assertTrue(v.passed(), backend + ": accuracy " + v.run().testAccuracy());
            assertEquals(dir, v.files().folder());
            assertTrue(Files.readString(v.files().reportFile().orElseThrow()).contains("Accuracy on the test set"),
                    backend);
            // the notebook's seven figures, PNG only, as the checker asks
            assertEquals(7, v.files().figures().size(), backend + ": " + v.files().figures());
            assertTrue(v.files().figures().stream().allMatch(p -> p.toString().endsWith(".png") && Files.isRegularFile(p)),
                    backend + ": " + v.files().figures());
            assertTrue(Files.size(dir.resolve("model.json")) > 1000, backend);
            assertEquals(30, v.run().result().history().size(), backend);
            assertEquals(30 + 10, v.continued().history().size(), backend);
            assertTrue(v.continued().test().accuracy() > 0.85, backend + ": continued " + v.continued().test().accuracy());
        }
    }

    @Test
    void check_colourPng_fitsTheNetworkToItsClasses(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("three-blobs.png"); // black and three colours: four classes, as a student might draw
        ImageIO.write(Preset.THREE_BLOBS.image(), "png", png.toFile());

        ExerciseChecker.Verdict v = new ExerciseChecker().check(DrawingSource.file(png), "reference",
                ExerciseChecker.quick(), 0.0, tmp.resolve("run"));

        assertEquals(4, v.run().result().spec().classes());
        assertTrue(Files.isRegularFile(tmp.resolve("run/class-map.png")), "the class map is drawn");
        assertTrue(v.run().testAccuracy() > 0.85, "accuracy " + v.run().testAccuracy());
    }

    @Test
    void grade_folderOfStudents_writesARowPerDrawing(@TempDir Path tmp) throws Exception {
        Path students = tmp.resolve("students");
        Files.createDirectories(students.resolve("ann"));
        Files.createDirectories(students.resolve("bob"));
        ImageIO.write(Preset.BLOB.image(), "png", students.resolve("ann/blob.png").toFile());
        ImageIO.write(Preset.HALF_PLANE.image(), "png", students.resolve("bob/half.png").toFile());
        Files.writeString(students.resolve("bob/notes.png"), "not a picture");

        GradedRun graded = new ExerciseChecker().grade(students, "reference", ExerciseChecker.quick(),
                tmp.resolve("grades"), true);
        List<GradeRow> rows = graded.rows();

        assertEquals(List.of("ann/blob.png", "bob/half.png", "bob/notes.png"), rows.stream().map(GradeRow::drawing).toList());
        assertEquals(List.of(GradeRow.Status.OK, GradeRow.Status.OK, GradeRow.Status.FAILED),
                rows.stream().map(GradeRow::status).toList());
        assertTrue(rows.get(0).testAccuracy() > 0.9, "ann: " + rows.get(0).testAccuracy());
        assertEquals(4, Files.readAllLines(tmp.resolve("grades/grades.csv")).size()); // a header and three rows
        assertTrue(Files.readString(tmp.resolve("grades/grades.html")).contains("bob/notes.png"));
        // each cell's model saved when asked, as a file of the run folder's manifest
        Path annModel = Files.walk(graded.reports()).filter(p -> p.getFileName().toString().equals("model.json")
                && p.toString().contains("ann")).findFirst().orElseThrow();
        assertTrue(Files.readString(tmp.resolve("grades/run.json")).contains(
                tmp.resolve("grades").relativize(annModel).toString()), "model.json listed in run.json");
    }

    @Test
    void preferredBackend_isDjl() {
        assertEquals("djl", Backends.discover().preferred().id());
    }
}
