package org.kkr4j.io.akaikkr.side;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The header written by newer AkaiKKR versions ({@code ### header for format (x)} ...
 * {@code ### end of header}). cpa2002v010 writes none. A field that overflowed is empty and reported.
 *
 * @param format              the format named on the first line
 * @param energyMinRy         lowest energy of the mesh, relative to E_F (Ry)
 * @param energyMaxRy         highest energy of the mesh, relative to E_F (Ry)
 * @param energyCount         number of energies
 * @param symmetryPointCount  number of symmetry points
 * @param symmetryPoints      the points listed on the third line
 * @param firstLine           1-based line of {@code ### header ...}
 */
public record SpcHeader(SpcFormat format, OptionalDouble energyMinRy, OptionalDouble energyMaxRy,
        OptionalInt energyCount, OptionalInt symmetryPointCount, List<SymmetryPoint> symmetryPoints, int firstLine) {

    public SpcHeader {
        symmetryPoints = List.copyOf(symmetryPoints);
    }
}
