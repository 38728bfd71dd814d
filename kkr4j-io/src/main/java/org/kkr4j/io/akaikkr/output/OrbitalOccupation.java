package org.kkr4j.io.akaikkr.output;

/**
 * One row of an {@code orbital occupation} block (srals runs): the occupation of each m of one l.
 *
 * @param l         {@code s}, {@code p}, {@code d}, {@code f}
 * @param perM      occupations in printed order (NaN for an unreadable entry)
 */
public record OrbitalOccupation(String l, double[] perM) {
}
