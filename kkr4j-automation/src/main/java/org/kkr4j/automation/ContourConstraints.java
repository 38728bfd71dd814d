package org.kkr4j.automation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Where the contour bottom E_F − ewidth may lie: at or below a ceiling (the valence-band bottom minus a
 * clearance) and, for every core or semicore level, either far enough above it (the level stays core) or far
 * enough below its deepest value (the level is taken wholly into the valence). The levels come from the
 * bundled tables before any run, or from a go log once there is one.
 *
 * @param ceilingRy highest allowed contour bottom (E − E_F)
 * @param bands     the levels, each as an E − E_F range with its clearances
 */
public record ContourConstraints(double ceilingRy, List<Band> bands) {

    /**
     * One level (both spins, or a table range) and the clearances it needs.
     *
     * @param coreClearanceRy    how far above {@code maxRy} the bottom must stay for the level to remain core
     * @param passBelowRy        how far below {@code minRy} the bottom must go for the level to be wholly valence
     */
    public record Band(String label, double minRy, double maxRy, double coreClearanceRy, double passBelowRy) {
        public boolean allows(double bottomRy) {
            return bottomRy >= maxRy + coreClearanceRy || bottomRy <= minRy - passBelowRy;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s at %.3f..%.3f Ry: contour above %.4f (core) or below %.4f (valence)",
                    label, minRy, maxRy, maxRy + coreClearanceRy, minRy - passBelowRy);
        }
    }

    public ContourConstraints {
        bands = List.copyOf(bands);
    }

    /** The table levels of the elements present (zero concentrations ignored) that can reach the contour range. */
    public static ContourConstraints fromTable(Map<String, Double> composition, CoreLevelTable table, GapThresholds t) {
        List<Band> bands = new ArrayList<>();
        composition.forEach((el, c) -> {
            if (c == null || !(c > 0)) {
                return;
            }
            for (CoreLevelTable.Level l : table.levels(el)) {
                if (l.maxRy() + FirstGuess.CORE_CLEARANCE_RY > -t.maxEwidthRy() - 0.5) {
                    bands.add(new Band(l.element() + " " + l.orbital() + " (table " + l.table() + ")", l.minRy(),
                            l.maxRy(), FirstGuess.CORE_CLEARANCE_RY, passBelow(t)));
                }
            }
        });
        return new ContourConstraints(ceiling(t), bands);
    }

    /**
     * The levels a go log printed (both spins of one component's orbital form one band), each kept at least the
     * clearance away from the contour bottom on either side (ewidth.md §8.2 item 3: ±0.15 Ry, ±0.25 Ry for a
     * starred level, which moves by 0.05–0.1 Ry between runs). A level whose angular momentum exceeds its type's
     * lmxtyp has no valence channel to go to (a 4f with lmxtyp 2): it must stay core, the bottom above it.
     *
     * @param lmaxByType lmxtyp of each type of the card, by type name; types not listed get no such rule
     */
    public static ContourConstraints fromGoLog(GoEvidence go, GapThresholds t, double levelClearanceRy,
                                               double starredClearanceRy, Map<String, Integer> lmaxByType) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        Map<String, Boolean> starred = new LinkedHashMap<>();
        Map<String, Boolean> coreOnly = new LinkedHashMap<>();
        for (ComponentCoreLevels c : go.components()) {
            Integer lmax = lmaxByType.get(c.typeName());
            for (CoreLevelEvidence l : c.levels()) {
                if (l.relativeToFermiRy() + starredClearanceRy <= -t.maxEwidthRy() - 0.5) {
                    continue;
                }
                String key = c.element() + " " + l.state() + " (" + c.typeName() + ")";
                ranges.merge(key, new double[] {l.relativeToFermiRy(), l.relativeToFermiRy()},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                starred.merge(key, l.movedToValence(), Boolean::logicalOr);
                coreOnly.put(key, lmax != null && angularMomentum(l.state()) > lmax);
            }
        }
        List<Band> bands = new ArrayList<>();
        ranges.forEach((k, r) -> {
            double clearance = starred.get(k) ? starredClearanceRy : levelClearanceRy;
            bands.add(new Band(k + (starred.get(k) ? " *" : "") + (coreOnly.get(k) ? " (l above lmxtyp: stays core)"
                    : ""), r[0], r[1], clearance, coreOnly.get(k) ? Double.POSITIVE_INFINITY : clearance));
        });
        return new ContourConstraints(ceiling(t), bands);
    }

    /** l of an orbital label such as {@code 4f}; -1 when the label has no s/p/d/f letter. */
    static int angularMomentum(String state) {
        if (state == null || state.isEmpty()) {
            return -1;
        }
        return "spdf".indexOf(Character.toLowerCase(state.charAt(state.length() - 1)));
    }

    /** The same levels with no ceiling: the valence-band bottom is an assumption; a DOS will check it. */
    public ContourConstraints withoutCeiling() {
        return new ContourConstraints(Double.POSITIVE_INFINITY, bands);
    }

    public ContourConstraints plus(Collection<Band> more) {
        List<Band> all = new ArrayList<>(bands);
        all.addAll(more);
        return new ContourConstraints(ceilingRy, all);
    }

    public boolean allows(double bottomRy) {
        if (bottomRy > ceilingRy + 1e-12) {
            return false;
        }
        for (Band b : bands) {
            if (!b.allows(bottomRy)) {
                return false;
            }
        }
        return true;
    }

    /** The bands that forbid this contour bottom. */
    public List<Band> violatedBy(double bottomRy) {
        return bands.stream().filter(b -> !b.allows(bottomRy)).toList();
    }

    /**
     * The allowed ewidth on the grid in [min, max] of the thresholds nearest to {@code fromEwidthRy}, skipping
     * {@code excluded} values; on a tie the deeper one (a deeper contour only adds a low-DOS stretch).
     */
    public OptionalDouble nearestAllowedEwidth(double fromEwidthRy, double gridRy, GapThresholds t,
                                               Collection<Double> excluded) {
        long lo = (long) Math.ceil(t.minEwidthRy() / gridRy - 1e-9);
        long hi = (long) Math.floor(t.maxEwidthRy() / gridRy + 1e-9);
        double best = Double.NaN;
        for (long k = lo; k <= hi; k++) {
            double ew = Math.round(k * gridRy * 1e6) / 1e6;
            if (excluded.contains(ew) || !allows(-ew)) {
                continue;
            }
            if (Double.isNaN(best) || Math.abs(ew - fromEwidthRy) <= Math.abs(best - fromEwidthRy) + 1e-12) {
                best = ew;
            }
        }
        return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    static double ceiling(GapThresholds t) {
        return FirstGuess.VALENCE_BOTTOM_RY - t.valenceClearanceRy() - t.marginRy();
    }

    private static double passBelow(GapThresholds t) {
        return FirstGuess.VALENCE_LEVEL_TAIL_RY + t.valenceClearanceRy() + t.marginRy();
    }
}
