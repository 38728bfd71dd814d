package org.kkr4j.automation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Judges whether the contour bottom E_F − ewidth sits in a low-DOS gap between the valence band and the
 * semicore states, on any number of DOS curves at once (a mesh point is low only when every curve is low).
 * The single-threshold judgement follows Method 2 of the GAES description (coarse regions wider than eth,
 * fine sub-regions, clearance below the valence-band bottom); {@link #judge} adds the edelt scaling of the
 * thresholds and a vote over several fine thresholds on the same DOS.
 */
public final class GapJudge {
    /** Fine-threshold multipliers of the vote: one half, one and two times the scaled threshold. */
    private static final double[] VOTE_FACTORS = {0.5, 1.0, 2.0};

    private GapJudge() {
    }

    /**
     * The decision of the vote: thresholds scaled to {@code edeltRy}, Method 2 run with the fine threshold at
     * each of {@link #VOTE_FACTORS}, the majority kind wins (a three-way split takes the middle member); a
     * move proposes the median of the moving members' proposals.
     */
    public static EwidthDecision judge(List<DosCurve> curves, double currentEwidthRy, double edeltRy,
                                       GapThresholds base) {
        GapThresholds scaled = base.scaledTo(edeltRy);
        List<EwidthDecision> votes = new ArrayList<>();
        for (double f : VOTE_FACTORS) {
            double fine = scaled.fineStatesPerRy() * f;
            GapThresholds t = scaled.withDos(Math.max(scaled.coarseStatesPerRy(), 2 * fine), fine);
            votes.add(method2(curves, currentEwidthRy, t));
        }
        EwidthDecision middle = votes.get(1);
        EwidthDecision.Kind winner = middle.kind();
        for (EwidthDecision.Kind k : EwidthDecision.Kind.values()) {
            if (votes.stream().filter(v -> v.kind() == k).count() >= 2) {
                winner = k;
            }
        }
        List<String> reasons = new ArrayList<>();
        for (EwidthDecision v : votes) {
            reasons.add(String.format(Locale.ROOT, "vote fine %.2e coarse %.2e: %s", v.thresholds().fineStatesPerRy(),
                    v.thresholds().coarseStatesPerRy(), v.summary()));
        }
        OptionalDouble proposal = OptionalDouble.empty();
        if (winner == EwidthDecision.Kind.MOVE) {
            double[] p = votes.stream().filter(v -> v.kind() == EwidthDecision.Kind.MOVE)
                    .mapToDouble(v -> v.proposedEwidthRy().getAsDouble()).sorted().toArray();
            proposal = OptionalDouble.of(p[(p.length - 1) / 2]);
        }
        EwidthDecision.Kind kind = winner;
        EwidthDecision representative = votes.stream().filter(v -> v.kind() == kind).findFirst().orElse(middle);
        reasons.addAll(representative.reasons());
        return new EwidthDecision(kind, currentEwidthRy, proposal, scaled, reasons, representative.relaxed(),
                votes.stream().anyMatch(EwidthDecision::windowLimited), votes);
    }

    /** Low-DOS regions: runs of mesh points (of the first curve's mesh) where every curve is below the threshold. */
    public static List<GapRegion> lowRegions(List<DosCurve> curves, double thresholdStatesPerRy) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no DOS curve to judge");
        }
        DosCurve mesh = curves.get(0);
        int n = mesh.size();
        boolean[] low = new boolean[n];
        double[] max = new double[n];
        for (int i = 0; i < n; i++) {
            double e = mesh.energyRy(i);
            double m = Double.NEGATIVE_INFINITY;
            for (DosCurve c : curves) {
                m = Math.max(m, c == mesh ? c.value(i) : c.valueAt(e));
            }
            max[i] = m;
            low[i] = m < thresholdStatesPerRy;
        }
        List<GapRegion> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!low[i]) {
                i++;
                continue;
            }
            int start = i;
            double min = Double.POSITIVE_INFINITY;
            while (i < n && low[i]) {
                min = Math.min(min, max[i]);
                i++;
            }
            double top = i < n ? mesh.energyRy(i) : mesh.energyRy(n - 1);
            out.add(new GapRegion(mesh.energyRy(start), top, start, i - 1, start == 0, min));
        }
        return out;
    }

    /** One Method 2 judgement at fixed thresholds. */
    public static EwidthDecision method2(List<DosCurve> curves, double currentEwidthRy, GapThresholds t) {
        double bottom = -currentEwidthRy;
        double meshBottom = curves.get(0).energyRy(0);
        List<String> reasons = new ArrayList<>();
        List<GapRegion> coarse = new ArrayList<>();
        for (GapRegion r : lowRegions(curves, t.coarseStatesPerRy())) {
            if (r.widthRy() > t.minGapWidthRy()) {
                coarse.add(r);
            } else if (r.widthRy() > 0.05) {
                reasons.add("coarse " + r + ": narrower than eth " + t.minGapWidthRy());
            }
        }
        // higher regions first; regions touching the window bottom last
        coarse.sort(Comparator.comparing(GapRegion::touchesWindowBottom).thenComparing(GapRegion::topRy,
                Comparator.reverseOrder()));
        boolean relaxedUsed = false;
        boolean firstCandidateRelaxed = false;
        boolean windowLimited = false;
        boolean inRange = currentEwidthRy >= t.minEwidthRy() - 1e-9 && currentEwidthRy <= t.maxEwidthRy() + 1e-9;
        List<Double> candidates = new ArrayList<>();
        boolean keep = false;
        for (GapRegion c : coarse) {
            double top = c.topRy() - t.valenceClearanceRy();
            // below a region that reaches the window bottom the DOS is unknown: ask for eth of verified gap
            double floor = c.touchesWindowBottom() ? meshBottom + t.minGapWidthRy() : Double.NEGATIVE_INFINITY;
            List<GapRegion> fine = within(lowRegions(curves, t.fineStatesPerRy()), c);
            boolean relaxedHere = false;
            if (fine.isEmpty()) {
                fine = within(lowRegions(curves, t.fineStatesPerRy() * t.fineRelaxFactor()), c);
                relaxedHere = !fine.isEmpty();
                if (fine.isEmpty()) {
                    reasons.add(String.format(Locale.ROOT, "coarse %s: no part below %.2e", c,
                            t.fineStatesPerRy() * t.fineRelaxFactor()));
                    continue;
                }
            }
            fine.sort(Comparator.comparing(GapRegion::topRy, Comparator.reverseOrder()));
            for (GapRegion f : fine) {
                boolean inside = bottom > f.bottomRy() && bottom < f.topRy() && bottom <= top && bottom >= floor;
                if (inside && inRange) {
                    keep = true;
                    relaxedUsed = relaxedHere;
                    reasons.add(String.format(Locale.ROOT, "fine %s in coarse %s holds the bottom %.4f (valence "
                            + "clearance top %.4f)", f, c, bottom, top));
                }
                double hi = Math.min(f.topRy(), top) - t.marginRy();
                double lo = Math.max(f.bottomRy(), floor);
                if (hi <= lo) {
                    reasons.add(String.format(Locale.ROOT, "fine %s: no point %.2f Ry below the valence "
                            + "bottom %.4f%s", f, t.valenceClearanceRy(), c.topRy(),
                            c.touchesWindowBottom() ? " with eth verified above the window bottom" : ""));
                    if (c.touchesWindowBottom()) {
                        windowLimited = true;
                    }
                    continue;
                }
                // clip into [min, max] when the clipped point is still inside the sub-region
                double e = Math.max(Math.min(hi, -t.minEwidthRy()), -t.maxEwidthRy());
                if (e > lo && e <= hi) {
                    candidates.add(-e);
                    if (candidates.size() == 1) {
                        firstCandidateRelaxed = relaxedHere;
                    }
                    reasons.add(String.format(Locale.ROOT, "fine %s: candidate %.4f", f, -e));
                } else {
                    reasons.add(String.format(Locale.ROOT, "fine %s: candidate %.4f out of range [%.2f, %.2f]",
                            f, -hi, t.minEwidthRy(), t.maxEwidthRy()));
                }
            }
            if (keep) {
                break;
            }
        }
        if (coarse.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "no region below %.2e wider than %.2f Ry",
                    t.coarseStatesPerRy(), t.minGapWidthRy()));
        }
        if (keep) {
            return new EwidthDecision(EwidthDecision.Kind.KEEP, currentEwidthRy, OptionalDouble.empty(), t,
                    reasons, relaxedUsed, windowLimited, List.of());
        }
        if (!candidates.isEmpty()) {
            return new EwidthDecision(EwidthDecision.Kind.MOVE, currentEwidthRy,
                    OptionalDouble.of(round4(candidates.get(0))), t, reasons, firstCandidateRelaxed, windowLimited,
                    List.of());
        }
        return new EwidthDecision(EwidthDecision.Kind.NO_VALID_EWIDTH, currentEwidthRy, OptionalDouble.empty(), t,
                reasons, false, windowLimited, List.of());
    }

    private static List<GapRegion> within(List<GapRegion> regions, GapRegion coarse) {
        List<GapRegion> out = new ArrayList<>();
        for (GapRegion r : regions) {
            if (r.firstIndex() >= coarse.firstIndex() && r.lastIndex() <= coarse.lastIndex()) {
                out.add(r);
            }
        }
        return out;
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
