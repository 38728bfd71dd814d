package org.kkr4j.io.akaikkr.output;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.io.ParseIssue;

/**
 * A parsed specx standard-output log.
 *
 * @param source         file name or label
 * @param lineCount      lines read
 * @param dialect        the AkaiKKR dialect and the markers that decided it
 * @param preamble       date, time, debug lines and option lines before the first deck
 * @param decks          one entry per {@code data read in}, in order
 * @param footer         the end-of-run lines; null when the log does not end with them
 * @param outcome        how the whole run ended (see {@link SpecxLogParser} for the rules)
 * @param outcomeDetail  a sentence explaining the outcome (what is missing for TRUNCATED)
 * @param issues         everything the parser could not read, in file order
 */
public record SpecxLog(String source, int lineCount, DetectedDialect dialect, Preamble preamble, List<Deck> decks,
                       Footer footer, RunOutcome outcome, String outcomeDetail, List<ParseIssue> issues) {

    public SpecxLog {
        decks = List.copyOf(decks);
        issues = List.copyOf(issues);
    }

    /**
     * Returns this log when the run reached its end (it may still have failed: error stop, option
     * error, unsupported mode, not converged), or throws when the log is cut short.
     *
     * @throws TruncatedLogException naming the file, the last line and what is missing
     */
    public SpecxLog requireComplete() {
        if (outcome != RunOutcome.TRUNCATED) {
            return this;
        }
        List<String> missing = new ArrayList<>();
        if (!decks.isEmpty()) {
            missing.addAll(decks.get(decks.size() - 1).missing());
        }
        if (footer == null && !missing.contains("footer")) {
            missing.add("footer");
        }
        throw new TruncatedLogException(source, lineCount, outcomeDetail, missing);
    }

    /** The last deck, or null when the log has none. */
    public Deck lastDeck() {
        return decks.isEmpty() ? null : decks.get(decks.size() - 1);
    }
}
