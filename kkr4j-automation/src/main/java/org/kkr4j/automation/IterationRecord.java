package org.kkr4j.automation;

/**
 * One SCF iteration of a go log: the neu (charge-neutrality defect), moment, total energy and log10 of the
 * rms error, and whether the CPA loop had not converged in that iteration (the leading {@code *} of the line).
 */
public record IterationRecord(int iteration, double neu, double momentMuB, double totalEnergyRy,
                              double logRmsError, boolean cpaNotConverged) {
}
