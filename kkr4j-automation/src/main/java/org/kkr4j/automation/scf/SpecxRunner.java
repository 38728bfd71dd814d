package org.kkr4j.automation.scf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kkr4j.io.akaikkr.card.CardDeck;

/**
 * Runs one specx deck for the procedure and gives back what it wrote. The engine-backed implementation
 * records every run in the store; the procedure itself never touches processes or files.
 */
public interface SpecxRunner {

    /**
     * Runs {@code deck} to completion.
     *
     * @param potentialFromRun the run whose potential file (the deck's {@code potentialFile}) is staged, for
     *                         {@code record 2nd}; empty to start from scratch
     * @param purpose          a short label (e.g. {@code go ewidth=1.2100 probe}) stored with the run
     */
    SpecxRun run(CardDeck deck, Optional<Long> potentialFromRun, String purpose);

    /** One deck to run, as {@link #run} takes it. */
    record Request(CardDeck deck, Optional<Long> potentialFromRun, String purpose) {
    }

    /** Runs several decks; an implementation that can runs them at the same time. */
    default List<SpecxRun> runAll(List<Request> requests) {
        List<SpecxRun> out = new ArrayList<>();
        for (Request r : requests) {
            out.add(run(r.deck(), r.potentialFromRun(), r.purpose()));
        }
        return out;
    }
}
