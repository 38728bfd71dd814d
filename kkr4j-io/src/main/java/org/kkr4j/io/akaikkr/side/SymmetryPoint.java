package org.kkr4j.io.akaikkr.side;

import java.util.OptionalInt;

/**
 * A symmetry point of the k-path as listed in the header of a spectral-function file.
 *
 * @param kIndex    1-based index of the k-point that lies on it; empty when the {@code i4} field overflowed
 * @param label     the coordinates without quotes and parentheses, e.g. {@code 1/2 -1/2 1/2} or the
 *                  placeholder {@code x h z} (a letter stands for a coordinate without a simple fraction)
 * @param truncated true when the writer cut the label at 16 characters (format (c) of the 2021 release)
 */
public record SymmetryPoint(OptionalInt kIndex, String label, boolean truncated) {
}
