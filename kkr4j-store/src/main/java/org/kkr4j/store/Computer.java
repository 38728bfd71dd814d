package org.kkr4j.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered remote computer. The store keeps its settings as the remote module's JSON without reading them
 * (the store knows nothing of transports or schedulers); keys and passwords are never part of them.
 *
 * @param name         user's label ({@code kkr4j computer add NAME})
 * @param settingsJson transport, host, scheduler, work root, limits and defaults, as a JSON object
 * @param registered   when it was registered
 */
public record Computer(String name, String settingsJson, Instant registered) {
    public Computer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settingsJson, "settingsJson");
    }
}
