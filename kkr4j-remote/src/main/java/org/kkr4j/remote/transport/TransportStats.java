package org.kkr4j.remote.transport;

/**
 * Counters of one transport since it was created; tests use them to prove "one connection per computer"
 * and "one scheduler call per poll".
 *
 * @param connectionsOpened       connections (SSH sessions) successfully opened; 0 for a local transport
 * @param connectionAttempts      connection attempts, failed ones included
 * @param commandsRun             commands started (each SSH exec channel counts one; a transfer is one)
 * @param peakConcurrentCommands  the most commands that were ever running at the same time
 */
public record TransportStats(long connectionsOpened, long connectionAttempts, long commandsRun,
                             int peakConcurrentCommands) {
}
