package org.kkr4j.ml.gp;

import java.util.Arrays;

/**
 * The hyperparameters of a GP, in the units the GP works in: inputs and targets standardised (zero mean, unit
 * variance over the training set), so a length scale of 1 is one standard deviation of that column and a signal
 * variance of 1 is the variance of the training targets.
 *
 * @param lengthScales   one per input column (ARD)
 * @param signalVariance prior variance of the latent function
 * @param noiseVariance  variance of the observation noise
 */
public record Hyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {
    public Hyperparameters {
        lengthScales = lengthScales.clone();
        for (double l : lengthScales) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("length scales must be finite and > 0: " + Arrays.toString(lengthScales));
            }
        }
        if (!(signalVariance > 0) || !(noiseVariance > 0)) {
            throw new IllegalArgumentException("variances must be > 0: signal " + signalVariance + ", noise " + noiseVariance);
        }
    }

    public static Hyperparameters isotropic(int dimension, double lengthScale, double signalVariance, double noiseVariance) {
        double[] l = new double[dimension];
        Arrays.fill(l, lengthScale);
        return new Hyperparameters(l, signalVariance, noiseVariance);
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    public int dimension() {
        return lengthScales.length;
    }

    /** The kernel value between two (standardised) rows. */
    double kernel(KernelType type, double[] a, double[] b) {
        double r2 = 0;
        for (int k = 0; k < lengthScales.length; k++) {
            double d = (a[k] - b[k]) / lengthScales[k];
            r2 += d * d;
        }
        return type.value(r2, signalVariance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperparameters h && Arrays.equals(lengthScales, h.lengthScales)
                && signalVariance == h.signalVariance && noiseVariance == h.noiseVariance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lengthScales) * 31 + Double.hashCode(signalVariance) * 7 + Double.hashCode(noiseVariance);
    }

    @Override
    public String toString() {
        return "Hyperparameters[lengthScales=" + Arrays.toString(lengthScales) + ", signalVariance=" + signalVariance
                + ", noiseVariance=" + noiseVariance + "]";
    }
}
