package org.kkr4j.automation;

/**
 * A contiguous run of mesh points where every curve is below a threshold. {@code topRy} is the energy of the
 * first point after the run (the convention of the published method), or the last mesh point when the run
 * reaches the window top.
 */
public record GapRegion(double bottomRy, double topRy, int firstIndex, int lastIndex, boolean touchesWindowBottom,
                        double minimumStatesPerRy) {
    public double widthRy() {
        return topRy - bottomRy;
    }

    public boolean contains(double energyRy) {
        return energyRy > bottomRy && energyRy < topRy;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.4f, %.4f] Ry (min %.2e)", bottomRy, topRy,
                minimumStatesPerRy);
    }
}
