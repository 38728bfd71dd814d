package org.kkr4j.ml.gp;

/**
 * Box bounds for the hyperparameter search, in the GP's standardised units. The lower length-scale bound is the
 * guard against the collapse seen with few points (ml.md 3.4): a length scale far below the spacing of the rows
 * makes every observation its own island, the mean flat and the proposals arbitrary. The noise floor keeps the
 * kernel matrix well conditioned.
 */
public record HyperparameterBounds(double minLengthScale, double maxLengthScale, double minSignalVariance,
                                   double maxSignalVariance, double noiseFloor, double maxNoiseVariance) {
    public HyperparameterBounds {
        check(minLengthScale, maxLengthScale, "length scale");
        check(minSignalVariance, maxSignalVariance, "signal variance");
        check(noiseFloor, maxNoiseVariance, "noise variance");
    }

    /** Length scales 0.2 to 50 standard deviations, signal variance 0.01 to 100, noise 1e-6 to 1. */
    public static HyperparameterBounds defaults() {
        return new HyperparameterBounds(0.2, 50, 1e-2, 1e2, 1e-6, 1.0);
    }

    public HyperparameterBounds withNoiseFloor(double floor) {
        return new HyperparameterBounds(minLengthScale, maxLengthScale, minSignalVariance, maxSignalVariance, floor,
                Math.max(maxNoiseVariance, floor * 10));
    }

    private static void check(double lo, double hi, String what) {
        if (!(lo > 0) || !(hi > lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException(what + " bounds must satisfy 0 < low < high < inf: " + lo + ", " + hi);
        }
    }
}
