package org.kkr4j.io.akaikkr.output;

/** One point {@code k( Re, Im)} of the complex energy mesh (Ry). */
public record EnergyMeshPoint(int index, double realRy, double imaginaryRy) {
}
