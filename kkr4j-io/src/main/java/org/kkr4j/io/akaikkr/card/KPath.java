package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The k-points read after the atoms of an {@code spcXY} deck ({@code readk.f}); X selects the format.
 * Coordinates: cpa2002v010 and 2022.0721 with named lattices read Cartesian units of 2 pi/a (y, z
 * divided by b/a, c/a); 2022.0721 with aux reads fractional reciprocal coordinates.
 *
 * @param format      (a) every point, (b) symmetry points with divisions, (c) total count then symmetry points
 * @param totalPoints format (c) only: the total number of k-points; empty otherwise
 * @param points      the points in order
 */
public record KPath(Format format, OptionalInt totalPoints, List<KPoint> points) {

    /** specx reads at most this many symmetry points in formats (b) and (c) ({@code kbzx}). */
    public static final int MAX_SYMMETRY_POINTS = 25;

    public enum Format {
        /** {@code X=1}: every k-point explicitly. */
        EXPLICIT(1),
        /** {@code X=2}: {@code kx ky kz ndiv} per symmetry point. */
        DIVISIONS(2),
        /** {@code X=3}: the total number of points, then the symmetry points. */
        TOTAL_COUNT(3);

        private final int code;

        Format(int code) {
            this.code = code;
        }

        /** The digit X of {@code spcXY}. */
        public int code() {
            return code;
        }

        public static Format ofCode(int code) {
            for (Format f : values()) {
                if (f.code == code) {
                    return f;
                }
            }
            throw new IllegalArgumentException("k-point read format must be 1..3: " + code);
        }
    }

    public KPath {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(totalPoints, "totalPoints");
        points = List.copyOf(points);
    }
}
