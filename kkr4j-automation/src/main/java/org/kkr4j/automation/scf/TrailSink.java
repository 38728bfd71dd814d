package org.kkr4j.automation.scf;

/** Where the decision trail goes as it is written: the terminal, the store, a test. */
@FunctionalInterface
public interface TrailSink {
    void record(ScfStep step);

    static TrailSink none() {
        return step -> { };
    }

    default TrailSink and(TrailSink other) {
        return step -> {
            record(step);
            other.record(step);
        };
    }
}
