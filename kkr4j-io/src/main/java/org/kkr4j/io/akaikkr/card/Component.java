package org.kkr4j.io.akaikkr.card;

import java.util.Objects;

/**
 * One CPA component of a type.
 *
 * @param displacement {@code dx dy dz} written before anclr by the 2022.0721 {@code akaikkr_cnd} build;
 *                     zero for every other version (which has no such columns)
 * @param anclr        nuclear charge Z; 0 is a vacancy, fractional values are allowed
 * @param conc         relative weight (normalised per type by specx; any scale)
 */
public record Component(Vector3 displacement, double anclr, double conc) {

    public Component {
        Objects.requireNonNull(displacement, "displacement");
    }

    public static Component of(double anclr, double conc) {
        return new Component(Vector3.ZERO, anclr, conc);
    }
}
