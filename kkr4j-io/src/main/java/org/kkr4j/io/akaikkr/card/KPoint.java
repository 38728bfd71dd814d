package org.kkr4j.io.akaikkr.card;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One k-point of an spc k-path, in the coordinates specx reads (see {@link KPath}).
 *
 * @param k         kx ky kz
 * @param divisions read format (b) only: the number of divisions from the previous point
 *                  ({@code <= 1} starts a new segment); empty for formats (a) and (c)
 */
public record KPoint(Vector3 k, OptionalInt divisions) {

    public KPoint {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(divisions, "divisions");
    }

    public static KPoint of(double kx, double ky, double kz) {
        return new KPoint(new Vector3(kx, ky, kz), OptionalInt.empty());
    }
}
