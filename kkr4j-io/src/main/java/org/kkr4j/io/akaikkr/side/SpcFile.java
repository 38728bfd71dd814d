package org.kkr4j.io.akaikkr.side;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.kkr4j.io.ParseIssue;

/**
 * One Bloch-spectral-function file {@code <file>_up.spc} or {@code <file>_dn.spc}, whatever the
 * write format and version.
 *
 * <p>Indices into the arrays are 0-based; {@link SymmetryPoint#kIndex()} is 1-based as printed.
 * Values that could not be read (an overflowed field, a printed {@code NaN}, a v010 marker) are NaN
 * in the arrays and explained in {@link #issues()} or in the marker lists; no other NaN occurs.
 *
 * @param source                 file name used in messages
 * @param format                 the write format; empty only for a file with no content at all
 * @param formatInferred         true when no header named the format and it was inferred from the layout
 *                               (or given by the caller)
 * @param formatEvidence         why this format was chosen, in words
 * @param spin                   1 (up) or 2 (down): from {@code #  A(E,k) for spin = N}, else from the
 *                               file name ({@code _up.spc}/{@code _dn.spc}); empty when neither says
 * @param header                 the header of newer versions; empty for cpa2002v010 files
 * @param energiesRy             energies relative to E_F (Ry), one per column of {@link #spectralWeight()};
 *                               empty when the file does not give them (formats (b) and (c) without header)
 * @param kDistances             cumulative k-path length per k-point (format (a) only; NaN where printed NaN)
 * @param symmetryPoints         symmetry points from the header (empty without header)
 * @param markerKColumns         k columns that cpa2002v010 filled with the marker 250.0 (interior symmetry
 *                               points, format (c) only); their values are NaN
 * @param fermiMarkerEnergy      energy index of the row where cpa2002v010 marked E_F with 250.0 (every
 *                               {@code max(3, nk/60)}-th k-point, from the first), format (c) only
 * @param fermiMarkerKColumns    the k columns of that row holding the E_F marker (NaN in the matrix)
 * @param spectralWeight         A(E,k) as [k][E]; zero k-points when the file holds no data
 * @param issues                 non-fatal problems
 */
public record SpcFile(
        String source,
        Optional<SpcFormat> format,
        boolean formatInferred,
        String formatEvidence,
        OptionalInt spin,
        Optional<SpcHeader> header,
        Optional<double[]> energiesRy,
        Optional<double[]> kDistances,
        List<SymmetryPoint> symmetryPoints,
        List<Integer> markerKColumns,
        OptionalInt fermiMarkerEnergy,
        List<Integer> fermiMarkerKColumns,
        double[][] spectralWeight,
        List<ParseIssue> issues) {

    public SpcFile {
        symmetryPoints = List.copyOf(symmetryPoints);
        markerKColumns = List.copyOf(markerKColumns);
        fermiMarkerKColumns = List.copyOf(fermiMarkerKColumns);
        issues = List.copyOf(issues);
    }

    /** False for an empty file or one with only the spin line (e.g. {@code _dn.spc} of a non-magnetic run). */
    public boolean hasData() {
        return spectralWeight.length > 0;
    }

    /** Number of k-points (0 without data). */
    public int kCount() {
        return spectralWeight.length;
    }

    /** Number of energies (0 without data). */
    public int energyCount() {
        return spectralWeight.length == 0 ? 0 : spectralWeight[0].length;
    }

    /** A(E,k) at k-point {@code k} and energy {@code e} (0-based); NaN where the file held no value. */
    public double weight(int k, int e) {
        return spectralWeight[k][e];
    }

    /** True when the entry was a cpa2002v010 marker (250.0) rather than spectral weight. */
    public boolean isMarker(int k, int e) {
        return markerKColumns.contains(k)
                || (fermiMarkerEnergy.isPresent() && fermiMarkerEnergy.getAsInt() == e && fermiMarkerKColumns.contains(k));
    }
}
