package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad option gives one line that names the value and what is allowed, and exit code 2. */
final class RunErrorsTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badOptions() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        return Stream.of(
                Arguments.of(new String[] {"--epochs", "0"}, "drawnet run: --epochs must be in [1, 100000], got 0"),
                Arguments.of(new String[] {"--epochs", "ten"},
                        "drawnet run: --epochs must be a whole number, got 'ten'"),
                Arguments.of(new String[] {"--lr", "-1"}, "drawnet run: --lr must be a finite number > 0, got -1.0"),
                Arguments.of(new String[] {"--lr", "NaN"}, "drawnet run: --lr must be a finite number > 0, got NaN"),
                Arguments.of(new String[] {"--lr", "Infinity"},
                        "drawnet run: --lr must be a finite number > 0, got Infinity"),
                Arguments.of(new String[] {"--lr", "0"}, "drawnet run: --lr must be a finite number > 0, got 0.0"),
                Arguments.of(new String[] {"--weight-decay", "-1"},
                        "drawnet run: --weight-decay must be a finite number >= 0, got -1.0"),
                Arguments.of(new String[] {"--l1", "-1"}, "drawnet run: --l1 must be a finite number >= 0, got -1.0"),
                Arguments.of(new String[] {"--l1", "Infinity"},
                        "drawnet run: --l1 must be a finite number >= 0, got Infinity"),
                Arguments.of(new String[] {"--val-size", "2000000"},
                        "drawnet run: --val-size must be in [1, 1000000], got 2000000"),
                Arguments.of(new String[] {"--noise", "-0.1"}, "drawnet run: --noise must be in [0, 1), got -0.1"),
                Arguments.of(new String[] {"--batch", "6000"}, "drawnet run: --batch must be in [1, 5000], got 6000"),
                Arguments.of(new String[] {"--batch", "0"}, "drawnet run: --batch must be in [1, 5000], got 0"),
                Arguments.of(new String[] {"--hidden", "0,4"}, "drawnet run: --hidden units per layer must be in [1, 256], got 0"),
                Arguments.of(new String[] {"--hidden", "100000"},
                        "drawnet run: --hidden units per layer must be in [1, 256], got 100000"),
                Arguments.of(new String[] {"--hidden", "four"},
                        "drawnet run: --hidden must be layer sizes like 4 or 8,4 (or none), got 'four'"),
                Arguments.of(new String[] {"--activation", "softmax"},
                        "drawnet run: --activation: unknown activation 'softmax'; valid: sigmoid, tanh, relu, linear"),
                Arguments.of(new String[] {"--optimizer", "rmsprop"},
                        "drawnet run: --optimizer: unknown optimizer 'rmsprop'; valid: adam, sgd"),
                Arguments.of(new String[] {"--features", "x1,x3"},
                        "drawnet run: --features: unknown feature 'x3'; valid: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2"),
                Arguments.of(new String[] {"--preset", "circle"},
                        "drawnet run: unknown preset 'circle'; valid: blob, ring, xor, halfplane, spiral, moons,"
                                + " three-blobs, quadrants"),
                Arguments.of(new String[] {"--backend", "tensorflow"},
                        "drawnet run: unknown backend 'tensorflow'; available: djl, dl4j, reference"),
                Arguments.of(new String[] {"--noise", "1"}, "drawnet run: --noise must be in [0, 1), got 1.0"),
                Arguments.of(new String[] {"--train-size", "0"}, "drawnet run: --train-size must be in [1, 1000000], got 0"),
                Arguments.of(new String[] {"--drawing", dir.resolve("missing.png").toString()},
                        "drawnet run: drawing file " + dir.resolve("missing.png") + " does not exist"),
                Arguments.of(new String[] {"--drawing", text.toString()},
                        "drawnet run: drawing notes.png is not an image (expected a PNG file)"),
                Arguments.of(new String[] {"--drawing", text.toString(), "--preset", "ring"},
                        "drawnet run: give either --drawing or --preset, not both"),
                Arguments.of(new String[] {"--lr", "fast"}, "drawnet run: --lr must be a number, got 'fast'"),
                Arguments.of(new String[] {"--hidden", "8 4"},
                        "drawnet run: --hidden must be layer sizes like 4 or 8,4 (or none), got '8 4'"),
                Arguments.of(new String[] {"--hidden", "1,1,1,1,1,1,1,1,1"},
                        "drawnet run: --hidden allows at most 8 layers, got 9"),
                Arguments.of(new String[] {"--features", "x1,x1"}, "drawnet run: --features lists x1 twice in 'x1,x1'"),
                // given empty, the features are refused, not silently the notebook's x1,x2
                Arguments.of(new String[] {"--features", ""}, "drawnet run: --features must list one or more of x1, x2,"
                        + " x1sq, x2sq, x1x2, sinx1, sinx2, separated by commas, got ''"),
                Arguments.of(new String[] {"--epochs", ""}, "drawnet run: --epochs must be a whole number, got ''"),
                Arguments.of(new String[] {"--seed", "1.5"}, "drawnet run: --seed must be a whole number, got '1.5'"),
                Arguments.of(new String[] {"--train-size", "100", "--batch", "101"},
                        "drawnet run: --batch must be in [1, 100], got 101"),
                Arguments.of(new String[] {"--colour", "red"},
                        "drawnet run: Unknown options: '--colour', 'red' (see 'drawnet run --help')"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOptions")
    void run_badOption_oneLineNamingValue_exit2_nothingWritten(String[] options, String message) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime());
        String[] args = new String[options.length + 3];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--out";
        args[options.length + 2] = out.toString();
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }
}
