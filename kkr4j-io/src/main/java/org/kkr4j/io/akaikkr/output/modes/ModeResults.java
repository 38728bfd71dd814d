package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;
import java.util.Optional;

import org.kkr4j.io.ParseIssue;

/**
 * The mode-specific blocks found in one deck. A block that the deck does not contain is empty;
 * a value that could not be read is reported in {@code issues} and never replaced by a number.
 *
 * @param dos       {@code go=dos} blocks (also printed by other modes that print the DOS)
 * @param jij       {@code go=j...} pair tables
 * @param curie     the mean-field Tc (go=tc, and go=j)
 * @param transport {@code go=cnd} results
 * @param fixedSpin the result line of a fixed-spin-moment run
 * @param issues    overflowed or run-together fields, truncated blocks, unexpected layouts
 */
public record ModeResults(Optional<DosResult> dos, Optional<JijResult> jij,
                          Optional<CurieTemperatureResult> curie, Optional<TransportResult> transport,
                          Optional<FixedSpinResult> fixedSpin, List<ParseIssue> issues) {

    /** No mode-specific block: what a deck without DOS, J_ij, Tc, transport or fsm output has. */
    public static final ModeResults NONE = new ModeResults(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of());

    public ModeResults {
        issues = List.copyOf(issues);
    }

    /** True when no mode-specific block was found. */
    public boolean isEmpty() {
        return dos.isEmpty() && jij.isEmpty() && curie.isEmpty() && transport.isEmpty()
                && fixedSpin.isEmpty();
    }
}
