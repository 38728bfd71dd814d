package org.kkr4j.replay;

/** The replay is not configured usably: no recording root, or a malformed setting. */
public final class ReplayConfigurationException extends Exception {

    public ReplayConfigurationException(String message) {
        super(message);
    }
}
