package org.kkr4j.elements;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * AkaiKKR's estimate of the lattice constant when the card gives {@code a > 0.99e6} (experimental
 * atomic volumes) or {@code a < 1.01e-6} (MJW volumes), as done by specx ({@code chklat.f},
 * {@code qvolum.f}):
 *
 * <pre>
 *   V_cell = Σ_atoms Σ_components c · V(Z)        (c normalised per site; V in bohr³ per atom)
 *   a      = (V_cell / v)^(1/3)                     (v = cell volume in units of a³)
 * </pre>
 *
 * <p>A vacancy (Z = 0) contributes zero volume, as in specx. An element for which AkaiKKR's table
 * holds no volume (He, At, Am..Fm) is refused with {@link MissingAtomicVolumeException}: specx would
 * count it as zero volume and silently shrink the cell. Z > 100 is outside the table, which specx
 * also refuses. Verified against every {@code a=1000000} run in the shared fixtures.
 */
public final class LatticeConstantEstimator {

    private LatticeConstantEstimator() {
    }

    /**
     * The estimate.
     *
     * @param cellVolumeBohr3 Σ c·V over the cell, bohr³
     * @param aBohr           the lattice constant, bohr
     */
    public record Estimate(double cellVolumeBohr3, double aBohr) {
    }

    /** Thrown when a component has no atomic volume in AkaiKKR's table. */
    public static class MissingAtomicVolumeException extends IllegalArgumentException {
        public MissingAtomicVolumeException(String message) {
            super(message);
        }
    }

    /**
     * Estimates a.
     *
     * @param cellVolumeInUnitsOfA3 the unit-cell volume divided by a³ (see {@link CellVolume})
     * @param atoms                 one entry per atom in the unit cell (a type used by two atoms appears twice)
     * @param source                which volume column
     */
    public static Estimate estimate(double cellVolumeInUnitsOfA3, List<SiteComposition> atoms, VolumeSource source) {
        Objects.requireNonNull(atoms, "atoms");
        Objects.requireNonNull(source, "source");
        if (!(cellVolumeInUnitsOfA3 > 0) || Double.isInfinite(cellVolumeInUnitsOfA3)) {
            throw new IllegalArgumentException("cell volume in units of a^3 must be > 0: " + cellVolumeInUnitsOfA3);
        }
        if (atoms.isEmpty()) {
            throw new IllegalArgumentException("the cell has no atoms");
        }
        double total = 0;
        for (int s = 0; s < atoms.size(); s++) {
            SiteComposition site = atoms.get(s);
            for (int i = 0; i < site.components().size(); i++) {
                int z = site.components().get(i).atomicNumber();
                double c = site.normalisedConcentration(i);
                total += c * atomicVolumeBohr3(z, source, s);
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the cell holds only vacancies: its estimated volume is 0");
        }
        return new Estimate(total, Math.cbrt(total / cellVolumeInUnitsOfA3));
    }

    private static double atomicVolumeBohr3(int z, VolumeSource source, int site) {
        if (z == 0) {
            return 0.0;
        }
        if (z > 100) {
            throw new MissingAtomicVolumeException("atom " + (site + 1) + ": Z=" + z
                    + " is beyond AkaiKKR's atomic-volume table (Z <= 100)");
        }
        Element e = Elements.byZ(z);
        OptionalDouble v = e.akaiVolumeBohr3PerAtom(source);
        if (v.isEmpty()) {
            throw new MissingAtomicVolumeException("atom " + (site + 1) + ": AkaiKKR has no " + source
                    + " atomic volume for " + e.symbol() + " (specx would count it as 0); give a explicitly");
        }
        return v.getAsDouble();
    }
}
