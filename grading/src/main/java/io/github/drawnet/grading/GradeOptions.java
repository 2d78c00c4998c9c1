package io.github.drawnet.grading;

import io.github.drawnet.viz.ReportFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an engine runs a plan.
 *
 * @param threads the cells trained at once on this machine (Spark: the local master's threads), at
 *     least 1
 * @param master the Spark master URL, or null for {@code local[threads]} (ignored by the local engine);
 *     when the job was started by {@code spark-submit}, its master wins
 * @param ui whether Spark's web UI is on (off by default; bound to loopback in local mode)
 * @param reports the folder for each cell's full report, or null for none
 * @param reportFiles which files each cell's report writes (figures' formats, {@code report.html});
 *     {@code metrics.json} is always written
 * @param saveModels whether each cell's trained model is saved as {@code model.json} ({@link Grader#MODEL_FILE})
 *     in its report folder; needs {@code reports}
 * @param masterTimeout how long a cluster's master ({@code spark://}) may take to accept the job and give it a
 *     first executor before the job is given up ({@link GradeEngineUnavailableException}); local mode ignores it
 * @param conf Spark settings given by the user ({@code --conf key=value}, read by {@link #parseConf}), in the order
 *     given; each replaces the value Drawnet would choose for that key (the local engine ignores them)
 */
public record GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles,
        boolean saveModels, Duration masterTimeout, Map<String, String> conf) {

    /** The most threads allowed. */
    public static final int MAX_THREADS = 64;

    /** How long a cluster's master may take to accept the job and give it an executor, unless set. */
    public static final Duration DEFAULT_MASTER_TIMEOUT = Duration.ofSeconds(20);

    /** The masters {@link #checkMaster} accepts, as its refusal lists them. */
    public static final String MASTER_FORMS = "local, local[N], local[N,F] (F tries per cell), local[*] or"
            + " spark://HOST:PORT[,HOST:PORT...]";

    private static final Pattern MASTER = Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d{0,3})(,[1-9]\\d{0,3})?\\]"
            + "|spark://[^\\s/:,]+:\\d{1,5}(,[^\\s/:,]+:\\d{1,5})*");

    static final String MODELS_WITHOUT_REPORTS = "saving each cell's model needs a reports folder: the models are"
            + " saved in the cells' report folders";

    /**
     * Validates.
     *
     * @throws IllegalArgumentException when {@code threads} is not in [1, {@value #MAX_THREADS}], or models are
     *     to be saved without a reports folder
     */
    public GradeOptions {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        Objects.requireNonNull(reportFiles, "reportFiles");
        if (saveModels && reports == null) {
            throw new IllegalArgumentException(MODELS_WITHOUT_REPORTS);
        }
        if (master != null) {
            checkMaster(master);
        }
        Objects.requireNonNull(masterTimeout, "masterTimeout");
        if (masterTimeout.isNegative() || masterTimeout.isZero()) {
            throw new IllegalArgumentException("the master's timeout must be positive, got " + masterTimeout);
        }
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(conf, "conf")));
    }

    /** Returns options with no Spark setting of the user's ({@link #conf()} empty). */
    public GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles,
            boolean saveModels, Duration masterTimeout) {
        this(threads, master, ui, reports, reportFiles, saveModels, masterTimeout, Map.of());
    }

    /**
     * Returns the Spark settings in {@code pairs}, each written {@code key=value} as {@code spark-submit --conf}
     * takes them (the value may hold {@code =} and be empty; a later key replaces an earlier one).
     *
     * @throws IllegalArgumentException naming the pair, when one has no {@code =} or its key does not start with
     *     {@code spark.}
     */
    public static Map<String, String> parseConf(List<String> pairs) {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).strip();
            if (!key.startsWith("spark.") || key.length() == "spark.".length() || key.chars().anyMatch(
                    Character::isWhitespace)) {
                throw new IllegalArgumentException("--conf must be KEY=VALUE with a Spark setting's key (spark.*),"
                        + " e.g. spark.executor.memory=2g; got '" + pair + "'");
            }
            conf.put(key, pair.substring(eq + 1));
        }
        return conf;
    }

    /** Returns options that wait {@link #DEFAULT_MASTER_TIMEOUT} for a cluster's master. */
    public GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles,
            boolean saveModels) {
        this(threads, master, ui, reports, reportFiles, saveModels, DEFAULT_MASTER_TIMEOUT);
    }

    /**
     * Returns {@code master} when it has one of the forms Drawnet's Spark engine starts ({@link #MASTER_FORMS}),
     * so that a mistyped master is refused before any folder is made or Spark started.
     *
     * @throws IllegalArgumentException naming the master and listing the forms allowed, when it has none of them
     *     (ports out of [1, 65535] too)
     */
    public static String checkMaster(String master) {
        boolean ok = master != null && MASTER.matcher(master).matches();
        if (ok && master.startsWith("spark://")) {
            for (String hostPort : master.substring("spark://".length()).split(",")) {
                int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
                ok &= port >= 1 && port <= 65535;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("--master must be " + MASTER_FORMS + ", got '" + master + "'");
        }
        return master;
    }

    /** Returns options that save no model. */
    public GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles) {
        this(threads, master, ui, reports, reportFiles, false);
    }

    /** Returns options whose reports, if any, hold every file ({@link ReportFiles#all()}). */
    public GradeOptions(int threads, String master, boolean ui, Path reports) {
        this(threads, master, ui, reports, ReportFiles.all());
    }

    /** Returns options for {@code threads} threads, no Spark master, UI off, no reports. */
    public static GradeOptions threads(int threads) {
        return new GradeOptions(threads, null, false, null);
    }
}
