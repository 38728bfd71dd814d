package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.kkr4j.automation.ComponentCoreLevels;
import org.kkr4j.automation.CoreLevelEvidence;
import org.kkr4j.automation.DosCurve;
import org.kkr4j.automation.DosEvidence;
import org.kkr4j.automation.EvidenceException;
import org.kkr4j.automation.EwidthDecision;
import org.kkr4j.automation.GapJudge;
import org.kkr4j.automation.GapThresholds;
import org.kkr4j.automation.GoEvidence;
import org.kkr4j.io.akaikkr.AkaiVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j ewidth}: ewidth decisions on existing outputs, without running anything. */
@Command(name = "ewidth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Judge the energy-contour bottom (ewidth) on existing logs.",
        subcommands = {EwidthCommand.Judge.class})
final class EwidthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "judge", versionProvider = VersionProvider.class, description = "Keep, move or reject the go run's ewidth from the DOS of a dos run on "
            + "its potential; prints the decision trail.")
    static final class Judge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AkaiVersionOption version;

        // optional for picocli so that "--version" alone works; both are checked in call()
        @Parameters(index = "0", arity = "0..1", paramLabel = "GO_LOG", description = "log of the go run")
        Path goLog;

        @Parameters(index = "1", arity = "0..1", paramLabel = "DOS_LOG",
                description = "log of the dos run on the go potential")
        Path dosLog;

        @Option(names = "--components", description = "also require every component's DOS to be low")
        boolean components;

        @Override
        public Integer call() {
            if (version.printedKkr4jVersion(spec)) {
                return 0;
            }
            if (goLog == null || dosLog == null) {
                spec.commandLine().getErr().println("kkr4j: ewidth judge needs GO_LOG and DOS_LOG");
                spec.commandLine().usage(spec.commandLine().getErr());
                return ErrorReporter.BAD_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            GoEvidence go;
            DosEvidence dos;
            try {
                go = GoEvidence.read(goLog);
                Optional<AkaiVersion> v = Optional.ofNullable(version.text).map(AkaiVersion::parse)
                        .or(go::version);
                dos = DosEvidence.read(dosLog, v);
            } catch (EvidenceException e) {
                spec.commandLine().getErr().println("kkr4j: " + e.getMessage());
                return ErrorReporter.BAD_INPUT;
            }
            out.printf(Locale.ROOT, "go:  %s%n     outcome %s, ewidth %.4f Ry, edelt %s Ry, %d iterations%s%n", goLog,
                    go.outcome(), go.ewidthRy(), go.edeltRy(), go.history().size(),
                    go.fermiLevelUpRy().isPresent() ? String.format(Locale.ROOT, ", E_F %.7f/%.7f Ry",
                            go.fermiLevelUpRy().getAsDouble(), go.fermiLevelDownRy().getAsDouble()) : ", no E_F");
            for (ComponentCoreLevels c : go.components()) {
                StringBuilder sb = new StringBuilder();
                for (CoreLevelEvidence l : c.levels()) {
                    if (l.spinUp() && l.relativeToFermiRy() > -3.0) {
                        sb.append(String.format(Locale.ROOT, " %s %.4f%s", l.state(), l.relativeToFermiRy(),
                                l.movedToValence() ? "*" : ""));
                    }
                }
                if (!sb.isEmpty()) {
                    out.println("     " + c.typeName() + " " + c.element() + " levels above -3 Ry (E-E_F, up):" + sb);
                }
            }
            if (!go.converged()) {
                out.println("     warning: the go run did not converge; its DOS may be noisy");
            }
            out.printf(Locale.ROOT, "dos: %s%n     %s, window [%.4f, %.4f] Ry (reference %.2f, measured %.3f), "
                            + "edelt %s Ry, %d atom(s), %d component(s)%n", dosLog, dos.version(), dos.windowBottomRy(),
                    dos.windowTopRy(), dos.windowReference(), dos.measuredWindowReference(), dos.edeltRy(),
                    dos.atomCount(), dos.components().size());
            if (dos.referenceMismatch()) {
                out.println("     warning: the mesh does not match the version's window reference");
            }
            List<DosCurve> curves = new ArrayList<>();
            curves.add(dos.totalPerAtom());
            if (components) {
                curves.addAll(dos.components());
            }
            EwidthDecision d = GapJudge.judge(curves, go.ewidthRy(), dos.edeltRy(), GapThresholds.method2());
            out.printf(Locale.ROOT, "judged on %d curve(s); thresholds scaled to edelt: coarse %.2e, fine %.2e "
                            + "states/Ry%n", curves.size(), d.thresholds().coarseStatesPerRy(),
                    d.thresholds().fineStatesPerRy());
            for (String r : d.reasons()) {
                out.println("  " + r);
            }
            out.println("decision: " + d.summary() + (d.relaxed() ? " (relaxed fine threshold)" : "")
                    + (d.windowLimited() ? " (limited by the dos window bottom)" : ""));
            return 0;
        }
    }
}
