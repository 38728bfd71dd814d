package org.kkr4j.automation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ewidth decision the control flow uses: the gap judgement of {@link GapJudge#judge} on the DOS, checked
 * against what the go run itself says. On top of the documented method (reference/ewidth.md §2.3, §5):
 * <ul>
 *   <li><b>Levels at the contour bottom</b>: a core level of the go run (per spin, relative to its own E_F)
 *       within {@code levelClearanceRy} ({@code starredLevelClearanceRy} for {@code *} levels) of
 *       −ewidth is never kept, whatever the DOS says: a level the DOS does not show (core-treated, suppressed
 *       reconfiguration) or a level pinned to the contour bottom (its SCF signature,
 *       {@link PinnedLevelSignature}) breaks the SCF. The decision moves to the nearest ewidth, deeper or
 *       shallower, that the DOS accepts and that is clear of every level. When the go history shows the
 *       pinned-level signature, the level nearest to the contour bottom is treated as conflicting even
 *       outside the clearance.</li>
 *   <li><b>Numerical poles</b>: an isolated spike of at most {@link #MAX_POLE_POINTS} mesh points (or
 *       {@link #POLE_WIDTH_EDELTS} edelt, whichever is wider) above the coarse threshold, with low DOS on both
 *       sides, that matches no core level of the go run within {@link #POLE_LEVEL_MATCH_RY}, is removed
 *       before judging (replaced by the larger of its two flanking values) and named in the reasons. The
 *       same spike at a core level stays: it is a real semicore state.</li>
 *   <li><b>Unconverged potential</b>: a DOS from a go that did not converge cannot prove that no ewidth
 *       works (its gaps are fragmented by sharp peaks); a failed judgement then becomes
 *       {@link EwidthDecision.Kind#INCONCLUSIVE}.</li>
 *   <li><b>Per atom</b>: the total DOS is the cell DOS divided by natm (the thresholds were set on one-atom
 *       cells).</li>
 *   <li><b>Dilute components</b>: the DOS of each component of concentration ≤ {@link #DILUTE_CONCENTRATION}
 *       (all components with {@code useComponents}) is AND-ed with the total, judged against the component
 *       threshold (it is not weighted by concentration; 0.001 of a semicore peak vanishes in the total).</li>
 * </ul>
 */
public final class EwidthJudgement {
    /** Components at or below this concentration are judged on their own DOS by default. */
    public static final double DILUTE_CONCENTRATION = 0.1;
    public static final int MAX_POLE_POINTS = 2;
    public static final double POLE_WIDTH_EDELTS = 10;
    public static final double POLE_LEVEL_MATCH_RY = 0.1;
    /** Step of the scan for an allowed ewidth when a level blocks the DOS's choice. */
    static final double SCAN_STEP_RY = 0.0025;
    /** Levels deeper than this below the DOS window bottom cannot matter. */
    private static final double LEVEL_WINDOW_SLACK_RY = 0.5;

    private EwidthJudgement() {
    }

    public static EwidthDecision decide(GoEvidence go, DosEvidence dos, JudgementSettings settings) {
        double ewidth = go.ewidthRy();
        double edelt = dos.edeltRy();
        GapThresholds scaled = settings.base().scaledTo(edelt);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "judged per atom: total DOS of the cell / natm %d", dos.atomCount()));
        if (!go.converged()) {
            notes.add("DOS of an unconverged potential (go " + go.outcome() + "): sharp peaks may split gaps");
        }
        List<DosCurve> curves = new ArrayList<>();
        curves.add(dos.totalPerAtom());
        curves.addAll(componentCurves(dos, settings, notes));
        List<CoreLevelEvidence> levels = go.allLevels().stream()
                .filter(l -> l.relativeToFermiRy() > dos.totalPerAtom().energyRy(0) - LEVEL_WINDOW_SLACK_RY).toList();
        List<DosCurve> masked = new ArrayList<>();
        for (DosCurve c : curves) {
            masked.add(withoutPoles(c, scaled.coarseStatesPerRy(), edelt, levels, notes));
        }
        EwidthDecision dosDecision = GapJudge.judge(masked, ewidth, edelt, settings.base());

        List<Forbidden> forbidden = forbiddenIntervals(go, levels, settings, notes);
        List<String> reasons = new ArrayList<>(notes);
        EwidthDecision.Kind kind = dosDecision.kind();
        OptionalDouble proposal = dosDecision.proposedEwidthRy();
        Optional<Forbidden> hit = blocking(forbidden, ewidth);
        if (kind == EwidthDecision.Kind.KEEP && hit.isPresent()) {
            reasons.add(String.format(Locale.ROOT, "the DOS accepts %.4f but the contour bottom %.4f is within "
                    + "%.2f Ry of %s: not kept", ewidth, -ewidth, hit.get().clearanceRy, hit.get().what));
            OptionalDouble alt = nearestAllowed(masked, ewidth, edelt, settings.base(), forbidden, ewidth);
            kind = alt.isPresent() ? EwidthDecision.Kind.MOVE : EwidthDecision.Kind.NO_VALID_EWIDTH;
            proposal = alt;
        } else if (kind == EwidthDecision.Kind.MOVE && blocking(forbidden, proposal.getAsDouble()).isPresent()) {
            Forbidden f = blocking(forbidden, proposal.getAsDouble()).get();
            reasons.add(String.format(Locale.ROOT, "the DOS proposes %.4f but that bottom is within %.2f Ry of %s",
                    proposal.getAsDouble(), f.clearanceRy, f.what));
            OptionalDouble alt = nearestAllowed(masked, ewidth, edelt, settings.base(), forbidden,
                    proposal.getAsDouble());
            kind = alt.isPresent() ? EwidthDecision.Kind.MOVE : EwidthDecision.Kind.NO_VALID_EWIDTH;
            proposal = alt;
        }
        if (kind == EwidthDecision.Kind.MOVE && hit.isPresent()) {
            reasons.add(String.format(Locale.ROOT, "move away from %s to %.4f (the nearest ewidth the DOS "
                    + "accepts clear of every level)", hit.get().what, proposal.getAsDouble()));
        }
        if (kind == EwidthDecision.Kind.NO_VALID_EWIDTH && !go.converged()) {
            kind = EwidthDecision.Kind.INCONCLUSIVE;
            proposal = OptionalDouble.empty();
            reasons.add("no gap found on the DOS of an unconverged potential: this does not show that no valid "
                    + "ewidth exists; converge and judge again");
        }
        if (kind != EwidthDecision.Kind.MOVE) {
            proposal = OptionalDouble.empty();
        }
        reasons.addAll(dosDecision.reasons());
        return new EwidthDecision(kind, ewidth, proposal, dosDecision.thresholds(), reasons, dosDecision.relaxed(),
                dosDecision.windowLimited(), dosDecision.votes());
    }

    /** Component curves to AND with the total, rescaled so that the total's thresholds apply to them. */
    static List<DosCurve> componentCurves(DosEvidence dos, JudgementSettings settings, List<String> notes) {
        List<DosCurve> out = new ArrayList<>();
        double factor = settings.base().fineStatesPerRy() / settings.componentFineStatesPerRy();
        for (int k = 0; k < dos.components().size(); k++) {
            double c = dos.componentConcentrations().get(k);
            boolean dilute = !Double.isNaN(c) && c <= DILUTE_CONCENTRATION + 1e-12;
            if (settings.useComponents() || dilute) {
                DosCurve curve = dos.components().get(k);
                out.add(curve.scaled(curve.label(), factor));
                notes.add(String.format(Locale.ROOT, "%s (concentration %s) judged on its own DOS at fine %.2e%s",
                        curve.label(), Double.isNaN(c) ? "?" : String.format(Locale.ROOT, "%.4g", c),
                        settings.componentFineStatesPerRy(), dilute ? " (dilute)" : ""));
            }
        }
        return out;
    }

    /** A contour bottom (E − E_F) range to stay out of, and why. */
    record Forbidden(double lowRy, double highRy, double clearanceRy, String what) {
        boolean contains(double bottomRy) {
            return bottomRy > lowRy && bottomRy < highRy;
        }
    }

    static List<Forbidden> forbiddenIntervals(GoEvidence go, List<CoreLevelEvidence> levels, JudgementSettings s,
                                              List<String> notes) {
        List<Forbidden> out = new ArrayList<>();
        for (ComponentCoreLevels c : go.components()) {
            for (CoreLevelEvidence l : c.levels()) {
                if (!levels.contains(l)) {
                    continue;
                }
                double w = l.movedToValence() ? s.starredLevelClearanceRy() : s.levelClearanceRy();
                out.add(new Forbidden(l.relativeToFermiRy() - w, l.relativeToFermiRy() + w, w,
                        describe(c, l)));
            }
        }
        Optional<PinnedLevelSignature> pinned = PinnedLevelSignature.detect(go.history());
        if (pinned.isPresent()) {
            double bottom = -go.ewidthRy();
            notes.add("go history: " + pinned.get().describe());
            go.components().stream().flatMap(c -> c.levels().stream().map(l -> new Object[] {c, l}))
                    .min(Comparator.comparingDouble(o -> Math.abs(((CoreLevelEvidence) o[1]).relativeToFermiRy() - bottom)))
                    .ifPresent(o -> {
                        ComponentCoreLevels c = (ComponentCoreLevels) o[0];
                        CoreLevelEvidence l = (CoreLevelEvidence) o[1];
                        double w = Math.max(Math.abs(l.relativeToFermiRy() - bottom) + s.levelClearanceRy(),
                                l.movedToValence() ? s.starredLevelClearanceRy() : s.levelClearanceRy());
                        notes.add("the level nearest to the contour bottom is " + describe(c, l) + ": taken as the "
                                + "pinned one");
                        out.add(new Forbidden(l.relativeToFermiRy() - w, l.relativeToFermiRy() + w, w,
                                describe(c, l) + " (pinned)"));
                    });
        }
        return out;
    }

    private static String describe(ComponentCoreLevels c, CoreLevelEvidence l) {
        return String.format(Locale.ROOT, "%s %s%s (%s) at %.4f Ry", c.element(), l.state(),
                l.movedToValence() ? "*" : "", l.spinUp() ? "up" : "down", l.relativeToFermiRy());
    }

    private static Optional<Forbidden> blocking(List<Forbidden> forbidden, double ewidthRy) {
        return forbidden.stream().filter(f -> f.contains(-ewidthRy))
                .min(Comparator.comparingDouble(f -> Math.abs((f.lowRy + f.highRy) / 2 + ewidthRy)));
    }

    /**
     * The ewidth nearest to {@code fromEwidthRy} (on a {@link #SCAN_STEP_RY} grid inside the base range) that
     * the DOS vote keeps and that no level forbids.
     */
    static OptionalDouble nearestAllowed(List<DosCurve> curves, double currentEwidthRy, double edeltRy,
                                         GapThresholds base, List<Forbidden> forbidden, double fromEwidthRy) {
        double best = Double.NaN;
        int steps = (int) Math.round((base.maxEwidthRy() - base.minEwidthRy()) / SCAN_STEP_RY);
        for (int i = 0; i <= steps; i++) {
            double ew = Math.round((base.minEwidthRy() + i * SCAN_STEP_RY) * 1e4) / 1e4;
            if (!Double.isNaN(best) && Math.abs(ew - fromEwidthRy) >= Math.abs(best - fromEwidthRy)) {
                continue;
            }
            if (blocking(forbidden, ew).isPresent()) {
                continue;
            }
            if (GapJudge.judge(curves, ew, edeltRy, base).kind() == EwidthDecision.Kind.KEEP) {
                best = ew;
            }
        }
        return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    /**
     * The curve with isolated narrow spikes removed unless a core level explains them. A spike is a run of
     * points at or above {@code coarseStatesPerRy} no wider than the pole width, with points below it on both
     * sides.
     */
    static DosCurve withoutPoles(DosCurve c, double coarseStatesPerRy, double edeltRy, List<CoreLevelEvidence> levels,
                                 List<String> notes) {
        int n = c.size();
        int maxPoints = Math.max(MAX_POLE_POINTS, (int) Math.ceil(POLE_WIDTH_EDELTS * edeltRy / c.stepRy()));
        double[] e = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = c.energyRy(i);
            v[i] = c.value(i);
        }
        boolean changed = false;
        int i = 1;
        while (i < n - 1) {
            if (v[i] < coarseStatesPerRy || v[i - 1] >= coarseStatesPerRy) {
                i++;
                continue;
            }
            int j = i;
            while (j < n - 1 && v[j] >= coarseStatesPerRy) {
                j++;
            }
            // points i .. j-1 are high, i-1 and j are low (j < n - 1 or the run reached the window top)
            int width = j - i;
            if (j < n && v[j] < coarseStatesPerRy && width <= maxPoints) {
                double centre = e[i];
                double peak = v[i];
                for (int k = i; k < j; k++) {
                    if (v[k] > peak) {
                        peak = v[k];
                        centre = e[k];
                    }
                }
                final double at = centre;
                Optional<CoreLevelEvidence> level = levels.stream()
                        .filter(l -> Math.abs(l.relativeToFermiRy() - at) <= POLE_LEVEL_MATCH_RY)
                        .findFirst();
                if (level.isPresent()) {
                    notes.add(String.format(Locale.ROOT, "%s: narrow peak %.3g at %.4f Ry kept: core level %s at "
                            + "%.4f", c.label(), peak, at, level.get().state(), level.get().relativeToFermiRy()));
                } else {
                    double fill = Math.max(v[i - 1], v[j]);
                    for (int k = i; k < j; k++) {
                        v[k] = fill;
                    }
                    changed = true;
                    notes.add(String.format(Locale.ROOT, "%s: isolated peak %.3g at %.4f Ry (%d mesh point(s)) "
                            + "matches no core level within %.2f Ry: numerical pole, excluded from the low-DOS test",
                            c.label(), peak, at, width, POLE_LEVEL_MATCH_RY));
                }
            }
            i = j;
        }
        return changed ? new DosCurve(c.label(), e, v) : c;
    }
}
