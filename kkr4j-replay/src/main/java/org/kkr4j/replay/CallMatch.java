package org.kkr4j.replay;

import java.util.List;

/** What {@link RecordingIndex#match} found for one call: the bytes on stdin and the working directory. */
public sealed interface CallMatch {

    /** The run to replay. */
    record Matched(Recording recording, Recording.Run run) implements CallMatch {
    }

    /** No run has these card bytes; the nearest recorded cards, nearest first. */
    record UnknownCard(List<CardNeighbour> nearest) implements CallMatch {

        public UnknownCard {
            nearest = List.copyOf(nearest);
        }
    }

    /**
     * Runs with these card bytes exist, but none of them finds its input files in the working directory.
     * One entry per (run, input file) that is missing or differs.
     */
    record InputsDiffer(List<InputMismatch> mismatches) implements CallMatch {

        public InputsDiffer {
            mismatches = List.copyOf(mismatches);
        }
    }
}
