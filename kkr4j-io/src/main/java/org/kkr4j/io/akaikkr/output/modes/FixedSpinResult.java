package org.kkr4j.io.akaikkr.output.modes;

import java.util.Optional;

/**
 * The result line of a fixed-spin-moment run,
 * {@code fixed spin moment=   1.0000000  field used to fix the spin=  -0.0183748} (the last such
 * line of the deck, not the input echo printed before the iterations).
 *
 * @param line            1-based line
 * @param targetMomentMuB the imposed spin moment (muB); empty when overflowed
 * @param fieldRy         the field that fixes the spin: the up/down Fermi-level splitting left after
 *                        removing the exchange splitting, in Ry; empty when overflowed
 */
public record FixedSpinResult(int line, Optional<Double> targetMomentMuB, Optional<Double> fieldRy) {
}
