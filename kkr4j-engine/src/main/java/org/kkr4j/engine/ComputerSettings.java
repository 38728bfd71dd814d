package org.kkr4j.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Computer;

/**
 * The stored form of a computer's settings: {@link ComputerSpec} as JSON in {@link Computer#settingsJson()}.
 * The store keeps the text opaque; this is the one place that reads and writes it (the engine and the CLI).
 */
public final class ComputerSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComputerSettings() {
    }

    /** The settings of a registered computer; a computer whose JSON no longer reads is an {@link EngineException}. */
    public static ComputerSpec read(Computer computer) {
        try {
            return JSON.readValue(computer.settingsJson(), ComputerSpec.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineException("computer '" + computer.name() + "': unreadable settings: " + e.getMessage(), e);
        }
    }

    /** The JSON stored for {@code spec}. */
    public static String write(ComputerSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (IOException e) {
            throw new EngineException("computer '" + spec.name() + "': " + e.getMessage(), e);
        }
    }
}
