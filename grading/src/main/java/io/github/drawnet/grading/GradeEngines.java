package io.github.drawnet.grading;

import io.github.drawnet.api.Backends;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a {@link GradeEngine} by id: {@code local} always, others through {@code
 * ServiceLoader<GradeEngine>} (each loaded inside a catch, so one broken provider hides no other).
 * Nothing is looked up until an engine other than {@code local} is asked for, so the default path
 * never touches an optional engine's classes.
 */
public final class GradeEngines {

    private static final Logger LOG = LoggerFactory.getLogger(GradeEngines.class);

    private GradeEngines() {}

    /**
     * Returns the engine called {@code id}; {@code local} grades with {@code backends}.
     *
     * @throws IllegalArgumentException naming the engines available when there is none called {@code
     *     id}, and saying how to get Spark when {@code id} is {@code spark}
     */
    public static GradeEngine get(String id, Backends backends) {
        String wanted = id == null ? LocalGradeEngine.ID : id.strip().toLowerCase(Locale.ROOT);
        if (LocalGradeEngine.ID.equals(wanted)) {
            return new LocalGradeEngine(backends);
        }
        List<String> available = new ArrayList<>(List.of(LocalGradeEngine.ID));
        Iterator<GradeEngine> it = ServiceLoader.load(GradeEngine.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                GradeEngine e = it.next();
                if (e.id().equals(wanted)) {
                    return e;
                }
                available.add(e.id());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("a grading engine could not be loaded; skipping it", e);
            }
        }
        String hint = "spark".equals(wanted)
                ? "; the spark engine (drawnet-spark and Apache Spark) is not on the class path: run through the"
                        + " drawnet launcher, which adds it for --engine spark"
                : "";
        throw new IllegalArgumentException("unknown engine '" + id + "'; available: " + String.join(", ", available)
                + hint);
    }
}
