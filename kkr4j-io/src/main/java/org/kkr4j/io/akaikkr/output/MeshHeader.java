package org.kkr4j.io.akaikkr.output;

/**
 * The {@code meshr mse ng mxl} header printed before each deck: radial mesh points, energy mesh points,
 * Chebyshev degree, maximum l. A value is null when its column could not be read (see the issues).
 */
public record MeshHeader(int line, Integer meshr, Integer mse, Integer ng, Integer mxl) {
}
