package org.kkr4j.automation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.akaikkr.output.ComponentResult;
import org.kkr4j.io.akaikkr.output.CoreLevel;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.FinalSummary;
import org.kkr4j.io.akaikkr.output.RunOutcome;
import org.kkr4j.io.akaikkr.output.ScfIteration;
import org.kkr4j.io.akaikkr.output.SpecxLog;

/**
 * What a go log tells the ewidth automation: the contour (ewidth, edelt), the outcome, E_F per spin, the core
 * levels of every component relative to E_F with their moved-to-valence mark, and the iteration history.
 * Built from the parsed log records only.
 */
public record GoEvidence(String source, Optional<AkaiVersion> version, RunOutcome outcome, String outcomeDetail,
                         double ewidthRy, double edeltRy, OptionalDouble fermiLevelUpRy,
                         OptionalDouble fermiLevelDownRy, double valenceElectrons,
                         List<ComponentCoreLevels> components, List<IterationRecord> history) {
    public GoEvidence {
        components = List.copyOf(components);
        history = List.copyOf(history);
    }

    public boolean converged() {
        return outcome == RunOutcome.CONVERGED;
    }

    /** Every core level of every component, both spins. */
    public List<CoreLevelEvidence> allLevels() {
        return components.stream().flatMap(c -> c.levels().stream()).toList();
    }

    public static GoEvidence read(Path goLog) {
        return from(org.kkr4j.io.akaikkr.output.SpecxLogParser.parse(SourceText.read(goLog)));
    }

    public static GoEvidence from(SpecxLog log) {
        Deck deck = log.lastDeck();
        if (deck == null || deck.input() == null) {
            throw new EvidenceException(log.source() + ": no input echo; not a go log that reached the SCF");
        }
        GoMode.Kind kind = deck.input().goKind();
        if (kind != GoMode.Kind.GO) {
            throw new EvidenceException(log.source() + ": a " + kind + " log, not a go log");
        }
        FinalSummary summary = deck.summary();
        OptionalDouble efUp = optional(summary == null ? Double.NaN : Fields.value(summary.fermiLevelUpRy()));
        OptionalDouble efDown = optional(summary == null ? Double.NaN : Fields.value(summary.fermiLevelDownRy()));
        if (efDown.isEmpty()) {
            efDown = efUp;
        }
        List<ComponentCoreLevels> components = new ArrayList<>();
        if (efUp.isPresent()) {
            for (ComponentResult c : deck.components()) {
                List<CoreLevelEvidence> levels = new ArrayList<>();
                addLevels(levels, c.coreLevelsUp(), true, efUp.getAsDouble());
                addLevels(levels, c.coreLevelsDown(), false, efDown.getAsDouble());
                components.add(new ComponentCoreLevels(c.typeName(), c.element(),
                        (int) Math.round(Fields.value(c.atomicNumber())), levels));
            }
        }
        List<IterationRecord> history = new ArrayList<>();
        for (ScfIteration it : deck.iterations()) {
            history.add(new IterationRecord((int) Math.round(Fields.value(it.itr())), Fields.value(it.neu()),
                    Fields.value(it.momentMuB()), Fields.value(it.totalEnergyRy()), Fields.value(it.logRmsError()),
                    it.cpaNotConvergedSpinUp() || it.cpaNotConvergedSpinDown()));
        }
        double valence = summary == null ? Double.NaN : Fields.value(summary.valenceCharge());
        return new GoEvidence(log.source(), log.dialect() == null ? Optional.empty() : log.dialect().version(),
                log.outcome(), log.outcomeDetail(), Fields.value(deck.input().ewidthRy()),
                Fields.value(deck.input().edeltRy()), efUp, efDown, valence, components, history);
    }

    private static void addLevels(List<CoreLevelEvidence> out, List<CoreLevel> levels, boolean up, double efRy) {
        for (CoreLevel l : levels) {
            double e = Fields.value(l.levelRy());
            out.add(new CoreLevelEvidence(l.state(), up, e, e - efRy, l.treatedAsValence()));
        }
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
