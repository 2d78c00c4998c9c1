package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import org.junit.jupiter.api.Test;

/** Models and trainers close cleanly, refuse use after closing, and refuse what they cannot train. */
public interface LifecycleContract extends BackendUnderTest {

    @Test
    default void close_thenUse_throwsIllegalStateNamingTheBackend() {
        Model model = backend().newModel(NetworkSpec.notebook(), 0);
        Dataset points = Fixtures.randomPoints(5, 1);
        model.close();
        assertThat(model.isClosed()).isTrue();
        String message = "this " + backend().id() + " model is closed";
        assertThatThrownBy(model::parameters).isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatThrownBy(() -> model.forward(points)).isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatThrownBy(() -> model.predict(points)).isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatThrownBy(() -> model.setParameters(Parameters.initial(NetworkSpec.notebook(), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatThrownBy(() -> backend().newTrainer(model, TrainingConfig.notebook(), points, points))
                .isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatCode(model::close).doesNotThrowAnyException();
    }

    @Test
    default void trainer_modelClosedUnderIt_throwsIllegalState() {
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 100, 1);
        Model model = backend().newModel(NetworkSpec.notebook(), 0);
        Trainer trainer = backend().newTrainer(model, TrainingConfig.notebook(), data.train(), data.validation());
        trainer.trainEpoch();
        model.close();
        assertThatThrownBy(trainer::trainEpoch).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        trainer.close();
        assertThatCode(trainer::close).doesNotThrowAnyException();
    }

    @Test
    default void newTrainer_batchLargerThanTrainingSet_rejectedWithBothNumbers() {
        Dataset train = Fixtures.randomPoints(24, 1);
        try (Model model = backend().newModel(NetworkSpec.notebook(), 0)) {
            assertThatThrownBy(() -> backend().newTrainer(model, TrainingConfig.notebook().withBatchSize(25), train,
                    train)).isInstanceOf(IllegalArgumentException.class).hasMessage("batch size must be in [1, 24], got 25");
        }
    }

    @Test
    default void newTrainer_modelOfAnotherBackend_rejected() {
        Dataset train = Fixtures.randomPoints(24, 1);
        Model foreign = new AbstractModel("elsewhere", NetworkSpec.notebook()) {
            @Override
            protected Parameters readParameters() {
                return Parameters.initial(spec(), 0);
            }

            @Override
            protected void writeParameters(Parameters parameters) {}

            @Override
            protected ForwardPass forward(float[] features, int count, boolean withHidden) {
                throw new UnsupportedOperationException();
            }

            @Override
            protected void release() {}
        };
        assertThatThrownBy(() -> backend().newTrainer(foreign, TrainingConfig.notebook(), train, train))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elsewhere");
    }
}
