package org.kkr4j.automation;

import java.util.Arrays;

/**
 * One density of states on an energy mesh relative to E_F, spin-summed, in states/Ry (per atom when built
 * so; the label says what it is).
 */
public record DosCurve(String label, double[] energiesRy, double[] statesPerRy) {
    public DosCurve {
        if (energiesRy.length != statesPerRy.length) {
            throw new IllegalArgumentException(label + ": " + energiesRy.length + " energies but "
                    + statesPerRy.length + " DOS values");
        }
        if (energiesRy.length < 2) {
            throw new IllegalArgumentException(label + ": a DOS needs at least two mesh points");
        }
        for (int i = 1; i < energiesRy.length; i++) {
            if (!(energiesRy[i] > energiesRy[i - 1])) {
                throw new IllegalArgumentException(label + ": energies not increasing at point " + i);
            }
        }
        energiesRy = energiesRy.clone();
        statesPerRy = statesPerRy.clone();
    }

    public int size() {
        return energiesRy.length;
    }

    public double energyRy(int i) {
        return energiesRy[i];
    }

    public double value(int i) {
        return statesPerRy[i];
    }

    /** Linear interpolation on the mesh; outside the mesh the nearest end value. */
    public double valueAt(double energyRy) {
        int n = energiesRy.length;
        if (energyRy <= energiesRy[0]) {
            return statesPerRy[0];
        }
        if (energyRy >= energiesRy[n - 1]) {
            return statesPerRy[n - 1];
        }
        int i = Arrays.binarySearch(energiesRy, energyRy);
        if (i >= 0) {
            return statesPerRy[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (energyRy - energiesRy[lo]) / (energiesRy[hi] - energiesRy[lo]);
        return statesPerRy[lo] + t * (statesPerRy[hi] - statesPerRy[lo]);
    }

    public double stepRy() {
        return (energiesRy[energiesRy.length - 1] - energiesRy[0]) / (energiesRy.length - 1);
    }

    public DosCurve scaled(String newLabel, double factor) {
        double[] v = statesPerRy.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new DosCurve(newLabel, energiesRy, v);
    }

    /** True when both curves share the mesh within a tenth of a mRy. */
    public boolean sameMesh(DosCurve other) {
        if (other.size() != size()) {
            return false;
        }
        for (int i = 0; i < energiesRy.length; i++) {
            if (Math.abs(energiesRy[i] - other.energiesRy[i]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DosCurve d && d.label.equals(label) && Arrays.equals(d.energiesRy, energiesRy)
                && Arrays.equals(d.statesPerRy, statesPerRy);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(statesPerRy);
    }

    @Override
    public String toString() {
        return "DosCurve[" + label + ", " + size() + " points " + energiesRy[0] + ".." + energiesRy[size() - 1] + "]";
    }
}
