package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.run.Printable;
import io.github.drawnet.studio.StudioServer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drawnet studio}: the drawing page in the browser, served locally. */
@Command(name = "studio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw in the browser and watch the network learn live.",
            "Starts a local web page where you draw the region, set the experiment, and watch "
                + "training: curves, unit maps, the network's weights. Prints the address to open; Ctrl-C "
                + "stops it."})
final class StudioCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "Host name or address pages may reach the studio by, besides this machine's "
                    + "(repeatable; required with a --host beyond this machine, e.g. --host 0.0.0.0 --allow-host "
                    + "192.168.1.20). The studio then prints a link with its access key for each.")
    java.util.List<String> allowHosts = new java.util.ArrayList<>();

    @Option(names = "--max-sessions", paramLabel = "N",
            description = "Browser tabs served at once (default: as many as the memory serves, 85 with 1 GiB).")
    Integer maxSessions;

    private final Backends backends;
    private final Visualizer visualizer;
    private final PrintStream out;

    @Inject
    StudioCommand(Backends backends, Visualizer visualizer, @Named("out") PrintStream out) {
        this.backends = backends;
        this.visualizer = visualizer;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        ExperimentOptions.check("--port", port, 0, 65535);
        if (maxSessions != null) {
            ExperimentOptions.check("--max-sessions", maxSessions, 1, StudioServer.Options.MAX_SESSIONS);
        }
        StudioServer.Options options;
        try {
            options = StudioServer.Options.command(host, port, maxSessions, allowHosts);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage().replace("allowed host", "--allow-host"), ExitCodes.USAGE, e);
        }
        StudioServer server = new StudioServer(backends, visualizer, options);
        int actual;
        try {
            actual = server.start();
        } catch (RuntimeException e) {
            throw new UserException("cannot listen on " + host + ":" + port + " (" + Printable.rootMessage(e)
                    + "); choose another --port", ExitCodes.IO, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "drawnet-studio-shutdown"));
        backends.preferred(note -> out.println("Drawnet studio: " + note)); // the page's default backend
        if (allowHosts.isEmpty()) {
            out.println("Drawnet studio: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actual + "/");
        } else {
            out.println("Drawnet studio, listening on " + host + ":" + actual + "; open one of:");
            server.links().forEach(link -> out.println("  " + link));
            out.println("Pages on other machines need the link with the key.");
        }
        out.println("Open it in a browser; Ctrl-C stops the studio.");
        stopped.await();
        return ExitCodes.OK;
    }
}
