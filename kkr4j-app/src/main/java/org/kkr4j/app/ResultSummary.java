package org.kkr4j.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.akaikkr.output.ComponentResult;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.FinalSummary;
import org.kkr4j.io.akaikkr.output.LatticeBlock;
import org.kkr4j.io.akaikkr.output.ScfIteration;
import org.kkr4j.io.akaikkr.output.SiteType;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.TypeComponent;
import org.kkr4j.io.akaikkr.output.modes.ModeResults;
import org.kkr4j.io.akaikkr.output.modes.SpinDos;
import org.kkr4j.io.akaikkr.side.InfoFile;
import org.kkr4j.io.akaikkr.side.SpcFile;
import org.kkr4j.io.fortran.FixedField;

/**
 * The human-readable form of a parse: the quantities a user looks at first, as printed in the file
 * (overflowed fields show their asterisks). {@code --json} and {@code --csv} give every quantity.
 */
final class ResultSummary {

    private ResultSummary() {
    }

    static void print(Object result, PrintWriter out) {
        switch (result) {
            case SpecxLog log -> printLog(log, out);
            case SpcFile spc -> printSpc(spc, out);
            case InfoFile info -> printInfo(info, out);
            default -> throw new IllegalArgumentException("no summary for " + result.getClass().getSimpleName());
        }
    }

    private static String f(FixedField field) {
        return field == null ? "-" : field.raw();
    }

    private static void printLog(SpecxLog log, PrintWriter out) {
        out.println("file:     " + log.source() + " (" + log.lineCount() + " lines)");
        out.println("dialect:  " + log.dialect().family() + evidence(log));
        out.println("outcome:  " + log.outcome() + (log.outcomeDetail() == null || log.outcomeDetail().isEmpty()
                ? "" : " - " + log.outcomeDetail()));
        for (Deck deck : log.decks()) {
            printDeck(deck, out);
        }
        if (log.footer() != null) {
            var ft = log.footer();
            out.println("footer:   elapsed " + (ft.elapsedSec() == null ? "-" : ft.elapsedSec() + " s")
                    + (ft.threads() == null ? "" : ", " + ft.threads() + " threads"));
        }
        printIssues(log.issues(), out);
        out.println();
    }

    private static String evidence(SpecxLog log) {
        var ev = log.dialect().evidence();
        if (ev.isEmpty()) {
            return "";
        }
        return " (from " + ev.stream().limit(3).map(e -> "'" + e.marker() + "' line " + e.line())
                .collect(Collectors.joining(", ")) + (ev.size() > 3 ? ", ..." : "") + ")";
    }

    private static void printDeck(Deck deck, PrintWriter out) {
        out.println();
        var in = deck.input();
        out.println("deck " + (deck.index() + 1) + " (lines " + deck.firstLine() + "-" + deck.lastLine() + "): "
                + (in == null ? "no 'data read in' section" : "go=" + in.goText() + "  file=" + in.potentialFile())
                + "  outcome=" + deck.outcome());
        if (!deck.missing().isEmpty()) {
            out.println("  missing: " + String.join("; ", deck.missing()));
        }
        if (in != null) {
            out.println("  input:    brvtyp=" + in.brvtyp() + " a=" + f(in.aBohr()) + " edelt=" + f(in.edeltRy())
                    + " ewidth=" + f(in.ewidthRy()) + " reltyp=" + in.reltyp() + " sdftyp=" + in.sdftyp()
                    + " magtyp=" + in.magtyp() + " record=" + in.record() + " bzqlty=" + in.bzqlty()
                    + " maxitr=" + f(in.maxitr()) + " pmix=" + f(in.pmix()));
        }
        LatticeBlock lat = deck.lattice();
        if (lat != null) {
            out.println("  lattice:  " + lat.bravais() + " a=" + f(lat.aBohr()) + " bohr, c/a=" + f(lat.cOverA())
                    + ", b/a=" + f(lat.bOverA()) + ", volume=" + f(lat.unitCellVolumeBohr3()) + " bohr^3");
        }
        for (SiteType t : deck.types()) {
            out.println("  type " + t.name() + ": " + t.components().stream()
                    .map(ResultSummary::component).collect(Collectors.joining(", "))
                    + "  (rmt=" + f(t.rmt()) + ", lmxtyp=" + f(t.lmxtyp()) + ")");
        }
        if (!deck.atoms().isEmpty()) {
            out.println("  atoms:    " + deck.atoms().size());
        }
        List<ScfIteration> its = deck.iterations();
        if (!its.isEmpty()) {
            ScfIteration last = its.get(its.size() - 1);
            out.println("  SCF:      " + its.size() + " iterations; last itr=" + f(last.itr()) + " moment="
                    + f(last.momentMuB()) + " muB te=" + f(last.totalEnergyRy()) + " Ry err=" + f(last.logRmsError()));
        }
        FinalSummary s = deck.summary();
        if (s != null) {
            out.println("  result:   total energy=" + f(s.totalEnergyRy()) + " Ry, E_F up/down=" + f(s.fermiLevelUpRy())
                    + "/" + f(s.fermiLevelDownRy()) + " Ry, band energy=" + f(s.bandEnergyRy()) + " Ry, magnetization="
                    + f(s.magnetizationT()) + " T");
        }
        if (!deck.components().isEmpty()) {
            out.println(String.format("  %-16s %-3s %6s %10s %10s %10s %10s", "type", "el", "Z", "charge",
                    "spin muB", "orb muB", "hf kG"));
            for (ComponentResult c : deck.components()) {
                out.println(String.format("  %-16s %-3s %6s %10s %10s %10s %10s", c.typeName(), c.element(),
                        f(c.atomicNumber()), f(c.totalCharge()), f(c.spinMomentMuB()), f(c.orbitalMomentMuB()),
                        c.hyperfineField() == null ? "-" : f(c.hyperfineField().totalKG())));
            }
        }
        if (deck.errorStop() != null) {
            out.println("  stopped:  ***err in " + deck.errorStop().routine() + "..." + deck.errorStop().text()
                    + " (line " + deck.errorStop().line() + ")");
        }
        printModes(deck.modes(), out);
    }

    private static String component(TypeComponent c) {
        return "Z=" + f(c.atomicNumber()) + " c=" + f(c.concentration());
    }

    private static void printModes(ModeResults modes, PrintWriter out) {
        if (modes == null) {
            return;
        }
        modes.dos().ifPresent(dos -> {
            for (SpinDos s : dos.spins()) {
                out.println("  DOS " + s.spin() + ": " + s.components().size() + " component PDOS tables ("
                        + (s.components().isEmpty() ? 0 : s.components().get(0).rows().size()) + " energies), total DOS "
                        + s.totalDosStatesPerRy().size() + " points, integrated DOS "
                        + s.integratedDosStates().size() + " points");
            }
        });
        modes.jij().ifPresent(j -> out.println("  J_ij:     " + j.blocks().size() + " pair tables, "
                + j.rows().size() + " rows" + (j.pairList().isEmpty() ? "" : ", pair list of " + j.pairList().size())));
        modes.curie().ifPresent(c -> out.println("  Tc:       " + c.curieTemperatureK().map(t -> t + " K")
                .orElse("not printed") + " (mean field)"));
        modes.transport().ifPresent(t -> out.println("  transport: resistivity=" + t.resistivityMicroOhmCm()
                .map(r -> r + " muOhm cm").orElse("-") + ", conductivity=" + t.totalConductivityAu()
                .map(c -> c + " a.u.").orElse("-")));
        modes.fixedSpin().ifPresent(fs -> out.println("  fsm:      moment=" + fs.targetMomentMuB().map(String::valueOf)
                .orElse("-") + " muB, field=" + fs.fieldRy().map(String::valueOf).orElse("-")));
        printIssues(modes.issues(), out);
    }

    private static void printSpc(SpcFile spc, PrintWriter out) {
        out.println("file:     " + spc.source());
        out.println("format:   " + spc.format().map(f -> "(" + f.letter() + ")").orElse("none (empty file)")
                + (spc.formatInferred() ? " inferred: " + spc.formatEvidence() : " from header"));
        spc.spin().ifPresent(s -> out.println("spin:     " + s));
        if (spc.hasData()) {
            out.println("data:     " + spc.kCount() + " k-points x " + spc.energyCount() + " energies"
                    + spc.energiesRy().map(e -> e.length == 0 ? "" : String.format(", E-E_F from %.7f to %.7f Ry",
                    e[0], e[e.length - 1])).orElse(", energies not in this format"));
        } else {
            out.println("data:     none");
        }
        if (!spc.symmetryPoints().isEmpty()) {
            out.println("symmetry: " + spc.symmetryPoints().stream().map(p -> p.kIndex().isPresent()
                    ? p.kIndex().getAsInt() + " " + p.label() : p.label()).collect(Collectors.joining(" | ")));
        }
        printIssues(spc.issues(), out);
        out.println();
    }

    private static void printInfo(InfoFile info, PrintWriter out) {
        out.println("file:     " + info.source());
        out.println(String.format("  %6s %14s %20s %12s", "line", "a (bohr)", "total energy (Ry)", "moment (muB)"));
        for (InfoFile.Entry e : info.entries()) {
            out.println(String.format("  %6d %14s %20s %12s", e.line(), opt(e.latticeConstantBohr()),
                    opt(e.totalEnergyRy()), opt(e.totalMomentMuB())));
        }
        printIssues(info.issues(), out);
        out.println();
    }

    private static String opt(java.util.OptionalDouble d) {
        return d.isPresent() ? Double.toString(d.getAsDouble()) : "-";
    }

    private static void printIssues(List<ParseIssue> issues, PrintWriter out) {
        for (ParseIssue i : issues) {
            out.println("  issue:    line " + i.line() + " " + i.kind() + " " + i.field() + ": " + i.detail());
        }
    }
}
