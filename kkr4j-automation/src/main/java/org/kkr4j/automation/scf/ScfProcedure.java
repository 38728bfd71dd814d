package org.kkr4j.automation.scf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.kkr4j.automation.ContourConstraints;
import org.kkr4j.automation.CoreLevelTable;
import org.kkr4j.automation.DosEvidence;
import org.kkr4j.automation.EvidenceException;
import org.kkr4j.automation.EwidthDecision;
import org.kkr4j.automation.EwidthJudgement;
import org.kkr4j.automation.FirstGuess;
import org.kkr4j.automation.GapThresholds;
import org.kkr4j.automation.GoEvidence;
import org.kkr4j.automation.PinnedLevelSignature;
import org.kkr4j.automation.ScfTrend;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.LogMessage;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.store.Outcome;

/**
 * The automatic procedure for one system: choose ewidth, converge the SCF, and prove the choice on the DOS of
 * the converged potential, in as few specx runs as the evidence allows.
 *
 * <p>Each go run is followed by a judgement: its log alone (a {@code ***err} stop in the core-level
 * reconfiguration, the periodic neu spikes of a level pinned at the contour bottom) can already demand a move;
 * otherwise a dos run on its potential is judged for a low-DOS gap at the contour bottom. A kept ewidth is
 * continued from the same potential; a move continues from it too when that run was healthy. A valid ewidth
 * that does not converge goes down the {@link RescueLadder}. Every go run counts against the budget.
 */
public final class ScfProcedure {
    /** The echoed ewidth must be the one asked for: a stale or foreign log would make every decision wrong. */
    private static final double ECHO_TOLERANCE_RY = 5e-4;
    /** A probe is chosen when a table level lies this close to the guessed contour bottom (AUTO policy). */
    private static final double UNCERTAIN_WITHIN_RY = 0.35;
    private static final double WINDOW_STEP_RY = 0.05;
    /** A speculative rival must lie at least this far from the first ewidth to tell something new. */
    private static final double SPECULATION_SPACING_RY = 0.1;

    private final SpecxRunner runner;
    private final ScfSettings settings;
    private final AkaiVersion version;
    private final TrailSink sink;
    private final CoreLevelTable table;

    public ScfProcedure(SpecxRunner runner, ScfSettings settings, AkaiVersion version, TrailSink sink) {
        this(runner, settings, version, sink, CoreLevelTable.bundled());
    }

    public ScfProcedure(SpecxRunner runner, ScfSettings settings, AkaiVersion version, TrailSink sink,
                        CoreLevelTable table) {
        this.runner = runner;
        this.settings = settings;
        this.version = version;
        this.sink = sink;
        this.table = table;
    }

    /** Runs the procedure on {@code card} (its first deck; the go mode and ewidth are the procedure's to choose). */
    public ScfReport run(CardDeck card) {
        return new Attempt(card).run();
    }

    /** The mutable state of one system's procedure. */
    private final class Attempt {
        private final CardDeck base;
        private final ScfControls user;
        private final GapThresholds thresholds;
        private final List<ScfStep> trail = new ArrayList<>();
        private final Set<Double> tried = new HashSet<>();
        private final Set<Double> keptOnUnconverged = new HashSet<>();
        private RescueLadder ladder;
        private double firstEwidth;
        private boolean firstFromGuess;
        private int goRuns;
        private int freshStarts;
        private int dosRuns;
        private int iterations;
        private int noValidJudgements;
        private double window;
        private final Map<String, Double> composition;
        /** The tabulated levels of the elements present: fixed for the whole procedure. */
        private final ContourConstraints tableLevels;

        Attempt(CardDeck card) {
            this.base = card.withGo("go");
            this.user = ScfControls.of(card);
            this.thresholds = settings.judgement().base();
            this.composition = CardComposition.of(base);
            this.tableLevels = ContourConstraints.fromTable(composition, table, thresholds);
            this.window = settings.dosWindowRy();
            this.ladder = new RescueLadder(settings, user);
        }

        ScfReport run() {
            Go next = firstGo();
            firstEwidth = next.ewidthRy;
            Optional<Go> rival = speculativeRival(next);
            Next after = rival.isPresent() ? speculate(next, rival.get()) : null;
            while (true) {
                if (after != null) {
                    if (after.done != null) {
                        return report(after.done);
                    }
                    next = after.next;
                }
                if (goRuns >= settings.goBudget()) {
                    return report(end(ScfStatus.NOT_CONVERGED, String.format(Locale.ROOT, "budget of %d go runs "
                            + "spent; the next step would have been: %s", settings.goBudget(), next.why)));
                }
                after = go(next);
            }
        }

        /**
         * When the first contour bottom lies near a level (the evidence is ambiguous) and the budget allows, the
         * nearest allowed ewidth on the other side of the levels runs at the same time (ewidth.md §8.2 item 7):
         * two candidates in the wall time of one, instead of one after the other.
         */
        private Optional<Go> speculativeRival(Go first) {
            if (!settings.speculate() || !first.probe || goRuns + 2 > settings.goBudget()) {
                return Optional.empty();
            }
            OptionalDouble other = tableLevels.nearestAllowedEwidth(first.ewidthRy, settings.ewidthGridRy(),
                    thresholds, excludedNear(first.ewidthRy));
            if (other.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Go(other.getAsDouble(), Optional.empty(), first.controls, true,
                    "speculative rival of " + first.ewidthRy));
        }

        /** The first ewidth and its neighbourhood: a rival closer than this tells nothing new. */
        private Set<Double> excludedNear(double ewidthRy) {
            Set<Double> near = new HashSet<>(tried);
            for (double x = ewidthRy - SPECULATION_SPACING_RY; x <= ewidthRy + SPECULATION_SPACING_RY + 1e-9;
                 x += settings.ewidthGridRy()) {
                near.add(settings.onGrid(x));
            }
            return near;
        }

        private Next speculate(Go first, Go rival) {
            step(ScfStep.Kind.ACTION, String.format(Locale.ROOT, "ambiguous start: ewidth %.4f and %.4f run side by "
                    + "side as probes", first.ewidthRy, rival.ewidthRy), null);
            List<SpecxRun> runs = runner.runAll(List.of(request(first), request(rival)));
            Next a = evaluate(first, runs.get(0));
            Next b = evaluate(rival, runs.get(1));
            Next chosen = a;
            if (a.judged == null || a.judged.decision.kind() != EwidthDecision.Kind.KEEP) {
                if (b.judged != null && (b.judged.decision.kind() == EwidthDecision.Kind.KEEP || a.judged == null)) {
                    chosen = b;
                }
            }
            Go taken = chosen == a ? first : rival;
            step(ScfStep.Kind.ACTION, String.format(Locale.ROOT, "speculation: go on with ewidth %.4f (%s); %.4f set "
                    + "aside", taken.ewidthRy, chosen.judged != null ? chosen.judged.decision.summary() : "its own "
                    + "outcome", (taken == first ? rival : first).ewidthRy), null);
            return settle(chosen);
        }

        private Go firstGo() {
            double first;
            String why;
            if (settings.start() == StartPolicy.CARD) {
                first = settings.onGrid(base.ewidthRy());
                why = String.format(Locale.ROOT, "start from the card's ewidth %.4f", first);
            } else {
                FirstGuess.Proposal p = FirstGuess.propose(composition, table, thresholds);
                for (String r : p.reasons()) {
                    step(ScfStep.Kind.PLAN, "first guess: " + r, null);
                }
                if (p.ewidthRy().isPresent()) {
                    first = settings.onGrid(p.ewidthRy().getAsDouble());
                    firstFromGuess = true;
                    why = String.format(Locale.ROOT, "first guess ewidth %.4f", first);
                } else {
                    first = settings.onGrid(base.ewidthRy());
                    why = String.format(Locale.ROOT, "no first guess clears every tabulated level; the DOS decides,"
                            + " starting from the card's ewidth %.4f", first);
                }
            }
            boolean uncertain = !firstFromGuess || tableLevels.bands().stream().anyMatch(b ->
                    -first > b.minRy() - UNCERTAIN_WITHIN_RY - b.passBelowRy()
                            && -first < b.maxRy() + b.coreClearanceRy() + UNCERTAIN_WITHIN_RY);
            boolean probe = switch (settings.probe()) {
                case ALWAYS -> true;
                case NEVER -> false;
                case AUTO -> uncertain;
            };
            int maxitr = probe ? Math.min(settings.probeMaxitr(), user.maxitr()) : user.maxitr();
            step(ScfStep.Kind.PLAN, why + (probe ? String.format(Locale.ROOT, "; probe of %d iterations first (%s)",
                    maxitr, !uncertain ? "probe policy" : firstFromGuess ? "a tabulated level lies near that contour "
                    + "bottom" : "the ewidth is not an informed guess") : "; full go run"),
                    null);
            return new Go(first, Optional.empty(), user.withMaxitr(maxitr), probe, why);
        }

        // ------------------------------------------------------------------ go

        private Next go(Go plan) {
            SpecxRunner.Request request = request(plan);
            return settle(evaluate(plan, runner.run(request.deck(), request.potentialFromRun(), request.purpose())));
        }

        private SpecxRunner.Request request(Go plan) {
            CardDeck deck = plan.controls.applyTo(base, plan.ewidthRy).withRecord(plan.potentialFrom.isPresent()
                    ? "2nd" : "init");
            return new SpecxRunner.Request(deck, plan.potentialFrom, purpose(plan));
        }

        private String purpose(Go plan) {
            return String.format(Locale.ROOT, "go ewidth=%.4f %s%s", plan.ewidthRy,
                    plan.potentialFrom.isPresent() ? "continued" : "fresh", plan.probe ? " probe" : "");
        }

        /** A judged candidate goes on to its decision. */
        private Next settle(Next n) {
            return n.judged == null ? n : decide(n.judged.plan, n.judged.g, n.judged.d, n.judged.goRun,
                    n.judged.decision);
        }

        /** What one finished go run shows: a terminal end, the next go, or a judgement still to act on. */
        private Next evaluate(Go plan, SpecxRun r) {
            String purpose = purpose(plan);
            tried.add(plan.ewidthRy);
            goRuns++;
            if (plan.potentialFrom.isEmpty()) {
                freshStarts++;
            }
            if (r.outcome() == Outcome.ERROR_STOP) {
                return errorStop(plan, r);
            }
            if (!r.outcome().cacheable() || r.log().isEmpty()) {
                step(ScfStep.Kind.GO, purpose + ": " + r.outcome() + (r.detail().isEmpty() ? "" : " (" + r.detail()
                        + ")"), r.runId());
                return Next.done(end(ScfStatus.ERROR, "specx go run " + r.runId() + " failed: " + r.outcome()
                        + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")")));
            }
            GoEvidence g;
            try {
                g = GoEvidence.from(r.log().get());
            } catch (EvidenceException e) {
                return Next.done(end(ScfStatus.ERROR, "go run " + r.runId() + ": " + e.getMessage()));
            }
            iterations += g.history().size();
            step(ScfStep.Kind.GO, purpose + ": " + describe(g), r.runId());
            if (Math.abs(g.ewidthRy() - plan.ewidthRy) > ECHO_TOLERANCE_RY) {
                return Next.done(end(ScfStatus.ERROR, String.format(Locale.ROOT, "go run %d echoes ewidth %.4f, "
                        + "its card asked for %.4f: the log is not this run's", r.runId(), g.ewidthRy(), plan.ewidthRy)));
            }
            Optional<PinnedLevelSignature> pinned = g.converged() ? Optional.empty()
                    : PinnedLevelSignature.detect(g.history());
            if (pinned.isPresent()) {
                ContourConstraints levels = observedLevels(g);
                return move(plan.ewidthRy, levels, "a level is pinned at the contour bottom (" + pinned.get().describe()
                        + "): tightening the mixing cannot cure this; move ewidth away from the levels", r.runId());
            }
            if (g.converged()) {
                Optional<RescueLadder.Step> back = ladder.backToUserEdelt(plan.controls);
                if (back.isPresent()) {
                    return Next.go(continued(plan, back.get(), r.runId()));
                }
            }
            if (!g.converged() && keptOnUnconverged.contains(plan.ewidthRy)) {
                return rescue(plan, g, r.runId());
            }
            return dos(plan, g, r.runId());
        }

        private Next errorStop(Go plan, SpecxRun r) {
            LogMessage err = r.log().map(SpecxLog::lastDeck).map(Deck::errorStop).orElse(null);
            String text = err == null ? "***err" : "***err in " + err.routine() + "..." + err.text();
            step(ScfStep.Kind.GO, String.format(Locale.ROOT, "go ewidth=%.4f: stopped by %s", plan.ewidthRy, text),
                    r.runId());
            if (!coreLevelError(err)) {
                return Next.done(end(ScfStatus.ERROR, "specx stopped with " + text + " (run " + r.runId()
                        + "); moving ewidth cannot cure it"));
            }
            ContourConstraints levels = fromPartialLog(r);
            return move(plan.ewidthRy, levels, "the core-level reconfiguration failed (" + text + "): a level sits at"
                    + " the contour bottom; move ewidth away from the levels", r.runId());
        }

        /** Levels from whatever the stopped run printed, plus the tables (a stopped run may print none). */
        private ContourConstraints fromPartialLog(SpecxRun r) {
            try {
                GoEvidence g = GoEvidence.from(r.log().orElseThrow());
                iterations += g.history().size();
                return tableLevels.plus(observedLevels(g).bands());
            } catch (EvidenceException | java.util.NoSuchElementException e) {
                return tableLevels;
            }
        }

        private ContourConstraints observedLevels(GoEvidence g) {
            Map<String, Integer> lmax = new java.util.HashMap<>();
            base.types().forEach(t -> lmax.put(t.name(), t.lmxtyp()));
            return ContourConstraints.fromGoLog(g, thresholds, settings.judgement().levelClearanceRy(),
                    settings.judgement().starredLevelClearanceRy(), lmax);
        }

        private Next move(double fromEwidth, ContourConstraints levels, String why, long runId) {
            Set<Double> excluded = new HashSet<>(tried);
            excluded.add(fromEwidth);
            OptionalDouble target = levels.nearestAllowedEwidth(fromEwidth, settings.ewidthGridRy(), thresholds,
                    excluded);
            if (target.isEmpty()) {
                // the ceiling is the assumed valence-band bottom, not evidence: without it the next DOS decides
                target = levels.withoutCeiling().nearestAllowedEwidth(fromEwidth, settings.ewidthGridRy(), thresholds,
                        excluded);
                if (target.isPresent()) {
                    why += String.format(Locale.ROOT, " (no value clears the levels below the assumed valence-band "
                            + "bottom; the DOS will check %.4f)", target.getAsDouble());
                }
            }
            if (target.isEmpty()) {
                return Next.done(end(ScfStatus.NO_VALID_EWIDTH, why + "; but no untried ewidth in range clears "
                        + "every level"));
            }
            step(ScfStep.Kind.ACTION, String.format(Locale.ROOT, "%s: ewidth %.4f -> %.4f from a fresh potential", why,
                    fromEwidth, target.getAsDouble()), runId);
            ladder = new RescueLadder(settings, user);
            return Next.go(new Go(target.getAsDouble(), Optional.empty(), user, false, why));
        }

        // ------------------------------------------------------------------ dos and judgement

        private Next dos(Go plan, GoEvidence g, long goRun) {
            double ref = version.dosWindowReference();
            double needed = Math.ceil((plan.ewidthRy + thresholds.minGapWidthRy() + thresholds.valenceClearanceRy())
                    / ref / WINDOW_STEP_RY - 1e-9) * WINDOW_STEP_RY;
            double w = ScfSettings.round(Math.min(settings.dosWindowMaxRy(), Math.max(window, needed)));
            while (true) {
                if (dosRuns >= settings.dosBudget()) {
                    return Next.done(end(ScfStatus.NOT_CONVERGED, "budget of " + settings.dosBudget()
                            + " dos runs spent"));
                }
                CardDeck deck = base.withGo("dos").withContour(settings.dosEdeltRy(), w).withRecord("2nd");
                String purpose = String.format(Locale.ROOT, "dos window=%.4f on the potential of run %d", w, goRun);
                SpecxRun r = runner.run(deck, Optional.of(goRun), purpose);
                dosRuns++;
                if (r.outcome() != Outcome.COMPLETED || r.log().isEmpty()) {
                    double narrower = ScfSettings.round(w - 0.25);
                    double floor = (plan.ewidthRy + thresholds.valenceClearanceRy()) / ref;
                    step(ScfStep.Kind.DOS, purpose + ": " + r.outcome() + (r.detail().isEmpty() ? "" : " ("
                            + r.detail() + ")"), r.runId());
                    if (r.outcome() == Outcome.ERROR_STOP && narrower >= floor) {
                        step(ScfStep.Kind.ACTION, String.format(Locale.ROOT, "dos stopped on the window: narrow it"
                                + " %.4f -> %.4f", w, narrower), r.runId());
                        w = narrower;
                        window = Math.min(window, w);
                        continue;
                    }
                    return Next.done(end(ScfStatus.ERROR, "dos run " + r.runId() + " failed: " + r.outcome()));
                }
                DosEvidence d;
                try {
                    d = DosEvidence.from(r.log().get(), Optional.of(version));
                } catch (EvidenceException e) {
                    return Next.done(end(ScfStatus.ERROR, "dos run " + r.runId() + ": " + e.getMessage()));
                }
                EwidthDecision decision = EwidthJudgement.decide(g, d, settings.judgement());
                step(ScfStep.Kind.DOS, String.format(Locale.ROOT, "%s: window %.3f..%.3f Ry", purpose,
                        d.windowBottomRy(), d.windowTopRy()), r.runId());
                step(ScfStep.Kind.JUDGEMENT, decision.summary() + (g.converged() ? " (converged potential)"
                        : " (unconverged potential)") + ": " + String.join("; ", decision.reasons()), r.runId());
                if (decision.windowLimited() && w < settings.dosWindowMaxRy() - 1e-9) {
                    double wider = ScfSettings.round(Math.min(settings.dosWindowMaxRy(),
                            Math.ceil(w * 1.5 / WINDOW_STEP_RY - 1e-9) * WINDOW_STEP_RY));
                    step(ScfStep.Kind.ACTION, String.format(Locale.ROOT, "the gap reaches the window bottom: widen the"
                            + " dos window %.4f -> %.4f", w, wider), r.runId());
                    w = wider;
                    window = Math.max(window, w);
                    continue;
                }
                return Next.judged(new Judged(plan, g, d, goRun, decision));
            }
        }

        private Next decide(Go plan, GoEvidence g, DosEvidence d, long goRun, EwidthDecision decision) {
            switch (decision.kind()) {
                case KEEP -> {
                    if (g.converged()) {
                        return Next.done(finished(plan.ewidthRy, goRun));
                    }
                    keptOnUnconverged.add(plan.ewidthRy);
                    return rescue(plan, g, goRun);
                }
                case MOVE -> {
                    // the proposal is the shallowest contour bottom of its gap (top − clearance): deeper is safe
                    // within the gap, shallower is not, so it is rounded up to the grid; a tried value goes deeper
                    double proposal = decision.proposedEwidthRy().getAsDouble();
                    double target = settings.onGridAtOrAbove(proposal);
                    if (tried.contains(target) || target > thresholds.maxEwidthRy() + 1e-9
                            || target < thresholds.minEwidthRy() - 1e-9) {
                        // the gap starts at the proposal; its first grid point at or below it was already judged
                        // (or is out of range): this grid cannot place the bottom inside that gap
                        return Next.done(end(ScfStatus.LIMITED, String.format(Locale.ROOT, "the judgement asks for "
                                + "ewidth %.4f (the top of a gap); the first value of the %.4f Ry grid from there, "
                                + "%.4f, is %s", proposal, settings.ewidthGridRy(), target, tried.contains(target)
                                        ? "already judged" : "outside the range [" + thresholds.minEwidthRy() + ", "
                                        + thresholds.maxEwidthRy() + "]")));
                    }
                    ScfTrend trend = ScfTrend.assess(g.history(), g.converged());
                    boolean healthy = trend.kind() != ScfTrend.Kind.DIVERGING && trend.kind() != ScfTrend.Kind.OSCILLATING;
                    boolean keep = settings.continueAcrossMoves() && healthy;
                    step(ScfStep.Kind.ACTION, String.format(Locale.ROOT, "move ewidth %.4f -> %.4f %s", plan.ewidthRy,
                            target, keep ? "continuing from the potential of run " + goRun
                                    : "from a fresh potential (" + trend.kind().name().toLowerCase(Locale.ROOT) + " SCF)"),
                            goRun);
                    ladder = new RescueLadder(settings, user);
                    return Next.go(new Go(target, keep ? Optional.of(goRun) : Optional.empty(), user, false,
                            "move to " + target));
                }
                case NO_VALID_EWIDTH -> {
                    double mustSee = -(plan.ewidthRy + thresholds.minGapWidthRy());
                    if (d.windowBottomRy() > mustSee + 1e-9) {
                        // a window that does not show the contour bottom cannot prove that no gap exists there
                        return Next.done(end(ScfStatus.LIMITED, String.format(Locale.ROOT, "the dos window "
                                + "reaches down to %.3f Ry only; judging ewidth %.4f needs %.3f Ry (the widest window "
                                + "allowed is %.2f)", d.windowBottomRy(), plan.ewidthRy, mustSee,
                                settings.dosWindowMaxRy())));
                    }
                    double atBottom = d.totalPerAtom().valueAt(-plan.ewidthRy);
                    if (atBottom > thresholds.coarseStatesPerRy()) {
                        // this run's contour cut through states (GeMnFeCo/PbMnFeCo at 0.8 shift E_F): its
                        // potential is no evidence about gaps; start again where the levels allow
                        ContourConstraints levels = tableLevels.plus(observedLevels(g).bands());
                        return move(plan.ewidthRy, levels, String.format(Locale.ROOT, "the contour bottom of this "
                                + "run lies in states (DOS %.3g per atom at %.4f Ry): its potential cannot show that no"
                                + " gap exists; start again below the valence band, clear of the levels", atBottom,
                                -plan.ewidthRy), goRun);
                    }
                    if (g.converged() && ++noValidJudgements == 1) {
                        // one contour's potential shapes its DOS (E_F moves when the contour cuts states): "no
                        // valid ewidth" is claimed only when a second contour, clear of the levels, agrees
                        ContourConstraints levels = tableLevels.plus(observedLevels(g).bands());
                        return move(plan.ewidthRy, levels, "no gap on this DOS; before claiming that no valid ewidth "
                                + "exists, judge a second contour clear of the levels", goRun);
                    }
                    if (g.converged()) {
                        return Next.done(end(ScfStatus.NO_VALID_EWIDTH, "the DOS of the converged potential (run "
                                + goRun + ") has no valid gap: " + String.join("; ", decision.reasons())));
                    }
                    step(ScfStep.Kind.ACTION, "no gap on the DOS of an unconverged potential is no proof; converge "
                            + "first, then judge again", goRun);
                    return rescue(plan, g, goRun);
                }
                default -> {
                    step(ScfStep.Kind.ACTION, "the judgement is inconclusive on this DOS; converge first, then judge"
                            + " again", goRun);
                    return rescue(plan, g, goRun);
                }
            }
        }

        // ------------------------------------------------------------------ rescue

        private Next rescue(Go plan, GoEvidence g, long goRun) {
            ScfTrend trend = ScfTrend.assess(g.history(), g.converged());
            boolean probeLimited = plan.probe && g.history().size() >= plan.controls.maxitr();
            Optional<RescueLadder.Step> step = ladder.next(plan.controls, trend, probeLimited);
            if (step.isEmpty()) {
                return Next.done(end(ScfStatus.NOT_CONVERGED, "the rescue ladder is exhausted at ewidth "
                        + String.format(Locale.ROOT, "%.4f", plan.ewidthRy) + " (" + trend.detail() + ")"));
            }
            return Next.go(continued(plan, step.get(), goRun));
        }

        private Go continued(Go plan, RescueLadder.Step step, long goRun) {
            step(ScfStep.Kind.ACTION, step.rung().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + step.reason() + " [" + step.controls() + "]", goRun);
            return new Go(plan.ewidthRy, step.freshPotential() ? Optional.empty() : Optional.of(goRun),
                    step.controls(), false, step.reason());
        }

        // ------------------------------------------------------------------ trail and report

        private Final finished(double ewidth, long goRun) {
            return end(ScfStatus.FINISHED, String.format(Locale.ROOT, "converged with ewidth %.4f, kept on the DOS of"
                    + " the converged potential", ewidth), OptionalDouble.of(ewidth), Optional.of(goRun));
        }

        private Final end(ScfStatus status, String reason) {
            return end(status, reason, OptionalDouble.empty(), Optional.empty());
        }

        private Final end(ScfStatus status, String reason, OptionalDouble ew, Optional<Long> run) {
            return new Final(status, reason, ew, run);
        }

        private ScfReport report(Final f) {
            step(ScfStep.Kind.STATUS, f.status.name().toLowerCase(Locale.ROOT) + ": " + f.reason + String.format(
                    Locale.ROOT, " (%d go runs, %d fresh, %d dos runs, %d SCF iterations)", goRuns, freshStarts,
                    dosRuns, iterations), null);
            return new ScfReport(f.status, f.reason, f.ewidthRy, f.goRun, firstEwidth, firstFromGuess, goRuns,
                    freshStarts, dosRuns, iterations, trail);
        }

        private void step(ScfStep.Kind kind, String message, Long runId) {
            ScfStep s = new ScfStep(trail.size() + 1, kind, message, runId);
            trail.add(s);
            sink.record(s);
        }

        private static String describe(GoEvidence g) {
            String rms = g.history().isEmpty() ? "" : String.format(Locale.ROOT, ", last log10 rms %.2f",
                    g.history().get(g.history().size() - 1).logRmsError());
            return (g.converged() ? "converged" : g.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    + " after " + g.history().size() + " iterations" + rms;
        }
    }

    /** Core-level trouble: the reconfiguration of core states ({@code reconf}, {@code ecor not found}). */
    static boolean coreLevelError(LogMessage err) {
        if (err == null) {
            return false;
        }
        String routine = err.routine() == null ? "" : err.routine().toLowerCase(Locale.ROOT);
        String text = err.text() == null ? "" : err.text().toLowerCase(Locale.ROOT);
        return routine.startsWith("reconf") || text.contains("ecor") || text.contains("core level");
    }

    /** A planned go run. */
    private record Go(double ewidthRy, Optional<Long> potentialFrom, ScfControls controls, boolean probe, String why) {
    }

    /** How the procedure ends, before the report is assembled. */
    private record Final(ScfStatus status, String reason, OptionalDouble ewidthRy, Optional<Long> goRun) {
    }

    /** A go run judged on its DOS, not yet acted on. */
    private record Judged(Go plan, GoEvidence g, DosEvidence d, long goRun, EwidthDecision decision) {
    }

    /** The next go run, the end, or a judgement still to act on. */
    private record Next(Go next, Final done, Judged judged) {
        static Next go(Go next) {
            return new Next(next, null, null);
        }

        static Next done(Final done) {
            return new Next(null, done, null);
        }

        static Next judged(Judged j) {
            return new Next(null, null, j);
        }
    }
}
