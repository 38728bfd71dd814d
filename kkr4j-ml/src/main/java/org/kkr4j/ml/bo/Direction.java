package org.kkr4j.ml.bo;

/** Whether an objective is to be made large or small. Internally everything is maximised of {@code sign * y}. */
public enum Direction {
    MAXIMISE(1.0),
    MINIMISE(-1.0);

    private final double sign;

    Direction(double sign) {
        this.sign = sign;
    }

    public double sign() {
        return sign;
    }
}
