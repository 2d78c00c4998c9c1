package io.github.drawnet.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The message a changed API gets: what was removed, changed and added, and how to move the baseline. */
final class ApiBaselineMessageTest {

    private static final List<String> BASELINE = List.of(
            "# comment lines are ignored",
            "a.B  public final class B",
            "a.B#LIMIT  public static final int = 8",
            "a.B#run(int)  public void",
            "a.B#size()  public int");

    @Test
    void difference_sameLinesAnyOrderAndComments_none() {
        assertThat(ApiBaseline.difference("m", BASELINE, List.of("a.B#size()  public int", "a.B  public final class B",
                "a.B#run(int)  public void", "a.B#LIMIT  public static final int = 8"))).isEmpty();
    }

    @Test
    void difference_memberAdded_additiveWithTheLine() {
        List<String> now = new ArrayList<>(BASELINE.subList(1, 5));
        now.add("a.B#stop()  public void");
        assertThat(ApiBaseline.difference("m", BASELINE, now)).startsWith(
                "The public API of the m module is not its committed baseline (m/api-baseline.txt): additive (1 added)\n"
                + "  + a.B#stop()  public void\n"
                + "An accident? Undo it. On purpose? Move the baseline and say so in CHANGELOG.md under\n"
                + "\"## Unreleased\" (naming the types and members), then commit both:\n"
                + "    tools/api-baseline    (or: mvn -B -o verify -pl m -am -Ddrawnet.api.update=true)");
    }

    @Test
    void difference_parameterTypeChangedAndConstantChanged_breakingRemovedAddedAndChanged() {
        List<String> now = List.of("a.B  public final class B", "a.B#LIMIT  public static final int = 9",
                "a.B#run(long)  public void", "a.B#size()  public int");
        assertThat(ApiBaseline.difference("m", BASELINE, now)).isEqualTo(
                "The public API of the m module is not its committed baseline (m/api-baseline.txt): BREAKING (1 removed, 1 changed, 1 added)\n"
                + "  ~ a.B#LIMIT  public static final int = 8\n"
                + "      now public static final int = 9\n"
                + "  - a.B#run(int)  public void\n"
                + "  + a.B#run(long)  public void\n"
                + "An accident? Undo it. On purpose? Move the baseline and say so in CHANGELOG.md under\n"
                + "\"## Unreleased\" (as **Breaking**, naming the types and members), then commit both:\n"
                + "    tools/api-baseline    (or: mvn -B -o verify -pl m -am -Ddrawnet.api.update=true)");
    }

    @Test
    void difference_manyLines_oneScreenAndWhereTheRestIs() {
        List<String> now = new ArrayList<>(BASELINE.subList(1, 5));
        IntStream.range(0, 50).forEach(i -> now.add(String.format("a.B#m%02d()  public void", i)));
        String message = ApiBaseline.difference("m", BASELINE, now);
        assertThat(message.lines()).hasSize(1 + ApiBaseline.SHOWN + 1 + 3);
        assertThat(message).contains("  ... and 20 more lines: diff m/api-baseline.txt m/target/api-listing.txt\n");
    }
}
