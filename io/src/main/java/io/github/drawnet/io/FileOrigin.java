package io.github.drawnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What made a {@code metrics.json} or a saved model: the Drawnet version, the backend and its engine's
 * version, and the machine (system, architecture, CPU model, cores, Java, and the engines' CPU overrides
 * when set), read back from the file. The settings and seeds are read with the file itself ({@link
 * MetricsFile#config()}, {@link MetricsFile#provenance()}, {@link SavedModel#config()}).
 *
 * <p>Older files lack some of it: what a file does not hold reads as {@value #UNKNOWN} (the machine as
 * empty), never as a refusal.
 *
 * @param format the file's format ({@value MetricsFile#FORMAT} or {@value SavedModel#FORMAT})
 * @param drawnetVersion the version of Drawnet that wrote the file
 * @param backendId the id of the backend that trained
 * @param engine the backend's name and engine version
 * @param machine the machine the file was written on, field by field, in the file's order
 */
public record FileOrigin(String format, String drawnetVersion, String backendId, String engine,
        Map<String, String> machine) {

    /** What a file that does not say reads as. */
    public static final String UNKNOWN = "unknown";

    /** Validates and copies. */
    public FileOrigin {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(drawnetVersion, "drawnetVersion");
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(engine, "engine");
        machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
    }

    /**
     * Reads the origin of a {@code metrics.json} or a saved model.
     *
     * @throws InvalidFileException with a one-line message when the file cannot be read, is not JSON,
     *     or is neither format
     */
    public static FileOrigin read(Path file) {
        JsonNode root = JsonReader.readTree(file, "Drawnet file", InvalidFileException::new);
        String format = root.path("format").asText("");
        if (!format.equals(MetricsFile.FORMAT) && !format.equals(SavedModel.FORMAT)) {
            throw new InvalidFileException("Drawnet file " + file + " is neither a " + MetricsFile.FORMAT
                    + " nor a " + SavedModel.FORMAT + " file (format \"" + format + "\")");
        }
        JsonNode backend = root.path("backend");
        // version 1 of the model file named the backend as "savedFrom"
        String backendId = backend.path("id").asText(root.path("savedFrom").asText(UNKNOWN));
        Map<String, String> machine = new LinkedHashMap<>();
        root.path("machine").properties().forEach(e -> machine.put(e.getKey(), e.getValue().asText()));
        return new FileOrigin(format, root.path("drawnetVersion").asText(UNKNOWN), backendId,
                backend.path("name").asText(UNKNOWN), machine);
    }
}
