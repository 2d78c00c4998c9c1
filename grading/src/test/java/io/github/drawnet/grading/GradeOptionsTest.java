package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GradeOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[4]", "local[*]", "local[4,2]", "local[*,3]",
        "spark://127.0.0.1:7077", "spark://host-a.example:7077,host-b:7078", "spark://h:1", "spark://h:65535"})
    void checkMaster_aFormSparkStarts_returnedAsGiven(String master) {
        assertThat(GradeOptions.checkMaster(master)).isEqualTo(master);
        assertThat(new GradeOptions(1, master, false, null).master()).isEqualTo(master);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "bogus", "yarn", "local[0]", "local[-1]", "local[4,0]", "local[x]", "local[4",
        "LOCAL", " local", "spark://", "spark://host", "spark://host:", "spark://:7077", "spark://h:0",
        "spark://h:65536", "spark://h:99999", "spark://h:7077,", "spark://h:7077/x", "k8s://https://h:443",
        "mesos://h:5050", "local-cluster[2,1,1024]"})
    void checkMaster_anyOtherText_refusedListingTheFormsAndNamingIt(String master) {
        assertThatThrownBy(() -> GradeOptions.checkMaster(master)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--master must be local, local[N], local[N,F] (F tries per cell), local[*] or"
                        + " spark://HOST:PORT[,HOST:PORT...], got '" + master + "'");
        assertThatThrownBy(() -> new GradeOptions(1, master, false, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masterTimeout_defaultTwentySeconds_andMustBePositive() {
        assertThat(GradeOptions.threads(2).masterTimeout()).isEqualTo(Duration.ofSeconds(20));
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> new GradeOptions(1, null, false, null,
                    io.github.drawnet.viz.ReportFiles.all(), false, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the master's timeout must be positive, got " + bad);
        }
    }

    @Test
    void parseConf_keyEqualsValue_inOrder_valueMayHoldEqualsOrBeEmpty_laterKeyWins() {
        assertThat(GradeOptions.parseConf(java.util.List.of("spark.executor.memory=2g",
                "spark.executor.extraJavaOptions=-Da=b -Dc=d", "spark.jars=", "spark.executor.memory=3g")))
                .containsExactly(java.util.Map.entry("spark.executor.memory", "3g"),
                        java.util.Map.entry("spark.executor.extraJavaOptions", "-Da=b -Dc=d"),
                        java.util.Map.entry("spark.jars", ""));
        assertThat(new GradeOptions(1, null, false, null).conf()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "spark.executor.memory", "=2g", "executor.memory=2g", "spark.=1", "spark. x=1",
        " =1", "memory 2g"})
    void parseConf_notKeyEqualsValueWithASparkKey_refusedNamingThePair(String pair) {
        assertThatThrownBy(() -> GradeOptions.parseConf(java.util.List.of("spark.ui.enabled=true", pair)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--conf must be KEY=VALUE with a Spark setting's key (spark.*), e.g."
                        + " spark.executor.memory=2g; got '" + pair + "'");
    }
}
