package io.github.drawnet.studio;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.Setting;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms an engine up in the background before a page's first Start needs it: the page's default
 * network on its default preset, read from PNG as a Start reads it, four epochs on a quarter of the
 * notebook's points (as many steps as a first epoch, for the compiler to warm up on), and one set of
 * live maps. A first run otherwise pays for loading the engine's native library, its classes and the
 * map's drawing code: 0.5 to 1.5 s on DJL and 0.8 to 2 s on DL4J, with the machine's load
 * (BENCHMARKS.md, "Studio: Start to first live map"). Each engine is warmed at most once, on a daemon
 * thread of its own; a failure is logged and left for the Start to meet and report.
 *
 * <p>A Start that comes while its engine warms up waits only for the engine to be loaded (loading it
 * a second time beside the warm-up would cost more); the warm-up then leaves the rest to that run,
 * after its quarter-sized epoch under way.
 *
 * <p>Thread-safe.
 */
final class EngineWarmup implements AutoCloseable {

    /** The points a warm-up trains on: a quarter of the notebook's, enough to load and run every step's code. */
    static final SampleSizes POINTS = new SampleSizes(1250, 250, 250);
    /** The epochs a warm-up trains, unless a Start comes: as many steps as one epoch of the notebook's. */
    static final int EPOCHS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(EngineWarmup.class);

    private final Visualizer visualizer;

    /** One engine's warm-up: the whole of it, and the moment its engine is loaded (or failed to). */
    private static final class Warmup {
        final CompletableFuture<Void> engineLoaded = new CompletableFuture<>();
        volatile FutureTask<Void> whole;
        /** Set when a Start for the engine came: the run warms the rest itself. */
        volatile boolean startCame;
    }

    private final Map<String, Warmup> warmups = new ConcurrentHashMap<>();
    private volatile boolean closed;

    EngineWarmup(Visualizer visualizer) {
        this.visualizer = visualizer;
    }

    /** Starts warming {@code backend} up, unless it is warm or warming already. */
    void warm(Backend backend) {
        if (closed) {
            return;
        }
        warmups.computeIfAbsent(backend.id(), id -> {
            Warmup w = new Warmup();
            w.whole = new FutureTask<>(() -> {
                run(backend, w);
                return null;
            });
            Thread t = new Thread(w.whole, "drawnet-studio-warmup-" + id);
            t.setDaemon(true);
            t.start();
            return w;
        });
    }

    /**
     * Tells a warm-up of {@code id} under way that a Start came, and waits, at most {@code millis},
     * for it to have loaded the engine: the Start would otherwise load it a second time beside it.
     * Returns at once when there is no warm-up, or its engine is loaded.
     */
    void startCame(String id, long millis) {
        Warmup w = warmups.get(id);
        if (w == null) {
            return;
        }
        w.startCame = true;
        try {
            w.engineLoaded.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the Start goes on; it meets whatever kept the warm-up from ending, and says so
        }
    }

    /** Returns the engines warmed up so far (a warm-up that failed counts as done: it has nothing left to do). */
    List<String> warm() {
        return warmups.entrySet().stream().filter(e -> e.getValue().whole.isDone()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    private void run(Backend backend, Warmup w) {
        long start = System.nanoTime();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(Preset.BLOB.image(), "png", png);
            // the drawing read and sampled as a Start reads it, so the warm-up loads the same code
            ExperimentSettings e = ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, String.valueOf(POINTS.train()))
                    .with(Setting.VALIDATION_SIZE, String.valueOf(POINTS.validation()))
                    .with(Setting.TEST_SIZE, String.valueOf(POINTS.test()));
            RunInputs inputs = RunInputs.prepare(DrawingSource.image(StudioBudget.decode(png.toByteArray(),
                    "drawing.png"), "drawing.png"), ClassReading.AUTO, e);
            Drawing drawing = inputs.drawing();
            DataSplits data = inputs.data();
            try (Experiment x = Experiment.start(backend, drawing, data,
                    e.network().withClasses(data.train().classCount()), e.training())) {
                w.engineLoaded.complete(null);
                if (!w.startCame && !closed) {
                    SessionEvents events = new SessionEvents(visualizer);
                    events.newRun(data, drawing);
                    x.train(EPOCHS, TrainingListener.NONE, () -> closed || w.startCame);
                    if (!w.startCame && !closed) {
                        events.maps(x.model(), 1);
                    }
                }
            }
            LOG.debug("warmed {} up in {} ms", backend.id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.info("warming {} up failed; its first run will say why if it fails too: {}", backend.id(), e.toString());
        } finally {
            w.engineLoaded.complete(null);
        }
    }

    /** Lets a warm-up under way stop after its epoch; starts no more. */
    @Override
    public void close() {
        closed = true;
    }
}
