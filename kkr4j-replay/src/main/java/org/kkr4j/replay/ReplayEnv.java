package org.kkr4j.replay;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a replay call reads, from environment variables and (for the roots only) a system
 * property. A value type so that tests can run {@link ReplayMain#replay} with any setting in-process.
 *
 * @param variables  environment variables
 * @param properties system properties (only {@value #ROOTS_PROPERTY} is read)
 */
public record ReplayEnv(Map<String, String> variables, Map<String, String> properties) {

    /** Recording roots, separated by the platform path separator ({@code :} on POSIX). */
    public static final String ROOTS_VARIABLE = "KKR4J_REPLAY_ROOTS";
    /** Fallback for {@link #ROOTS_VARIABLE} when the variable is unset or empty. */
    public static final String ROOTS_PROPERTY = "kkr4j.replay.roots";
    /** Factor on the recorded wall time; 0 (the default) replays at once. */
    public static final String TIME_SCALE_VARIABLE = "KKR4J_REPLAY_TIME_SCALE";
    /** Wall time in seconds used instead of every run's recorded time; implies a time scale of 1 when that is unset. */
    public static final String SECONDS_VARIABLE = "KKR4J_REPLAY_SECONDS";

    /**
     * File in which parsed manifests are kept between calls (see {@link RecordingIndex#scan(List, Path)});
     * unset or empty: no cache.
     */
    public static final String INDEX_CACHE_VARIABLE = "KKR4J_REPLAY_INDEX_CACHE";

    public ReplayEnv {
        variables = Map.copyOf(withoutNulls(variables));
        properties = Map.copyOf(withoutNulls(properties));
    }

    /** The environment and system properties of this JVM. */
    public static ReplayEnv system() {
        Map<String, String> properties = new HashMap<>();
        String roots = System.getProperty(ROOTS_PROPERTY);
        if (roots != null) {
            properties.put(ROOTS_PROPERTY, roots);
        }
        return new ReplayEnv(System.getenv(), properties);
    }

    /** Only these variables, no system property. */
    public static ReplayEnv ofVariables(Map<String, String> variables) {
        return new ReplayEnv(variables, Map.of());
    }

    /** The configured roots, as given (relative roots are taken relative to the process directory). */
    public List<Path> roots() throws ReplayConfigurationException {
        String value = variables.get(ROOTS_VARIABLE);
        String source = "environment variable " + ROOTS_VARIABLE;
        if (value == null || value.isBlank()) {
            value = properties.get(ROOTS_PROPERTY);
            source = "system property " + ROOTS_PROPERTY;
        }
        if (value == null || value.isBlank()) {
            throw new ReplayConfigurationException("no recording root configured: set the environment variable "
                    + ROOTS_VARIABLE + " (or the system property " + ROOTS_PROPERTY
                    + ") to directories holding recording.json files, separated by '" + File.pathSeparator + "'");
        }
        List<Path> roots = new ArrayList<>();
        for (String part : value.split(File.pathSeparator, -1)) {
            if (part.isBlank()) {
                continue;
            }
            try {
                roots.add(Path.of(part));
            } catch (InvalidPathException e) {
                throw new ReplayConfigurationException(source + ": \"" + part + "\" is not a valid path");
            }
        }
        if (roots.isEmpty()) {
            throw new ReplayConfigurationException(source + " lists no directory: \"" + value + "\"");
        }
        return roots;
    }

    /** The index cache file, or null when none is configured. */
    public Path indexCache() throws ReplayConfigurationException {
        String value = variables.get(INDEX_CACHE_VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ReplayConfigurationException("environment variable " + INDEX_CACHE_VARIABLE + ": \""
                    + value + "\" is not a valid path");
        }
    }

    /** How fast to replay. */
    public ReplayTiming timing() throws ReplayConfigurationException {
        Double seconds = nonNegative(SECONDS_VARIABLE);
        Double scale = nonNegative(TIME_SCALE_VARIABLE);
        return new ReplayTiming(scale != null ? scale : seconds != null ? 1.0 : 0.0, seconds);
    }

    private Double nonNegative(String name) throws ReplayConfigurationException {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!(parsed >= 0) || Double.isInfinite(parsed)) {
            throw new ReplayConfigurationException("environment variable " + name + " must be a number >= 0, not \""
                    + value + "\"");
        }
        return parsed;
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new HashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return copy;
    }
}
