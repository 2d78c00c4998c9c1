package io.github.drawnet.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The command line's object graph. No I/O happens here: backends are discovered when first asked
 * for, not when the injector is made.
 */
final class DrawnetModule extends AbstractModule {

    private final PrintStream out;
    private final PrintStream err;

    DrawnetModule(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Provides
    @Named("out")
    PrintStream out() {
        return out;
    }

    @Provides
    @Named("err")
    PrintStream err() {
        return err;
    }

    @Provides
    @Singleton
    Backends backends() {
        return Backends.discover();
    }

    @Provides
    @Singleton
    Visualizer visualizer() {
        return new NotebookVisualizer();
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
