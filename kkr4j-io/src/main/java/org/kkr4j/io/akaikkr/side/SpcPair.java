package org.kkr4j.io.akaikkr.side;

/**
 * The two spectral-function files of one run. For a non-magnetic run {@code down} may hold no data
 * ({@link SpcFile#hasData()} false).
 */
public record SpcPair(SpcFile up, SpcFile down) {

    /** True when both spins hold data. */
    public boolean bothSpins() {
        return up.hasData() && down.hasData();
    }
}
