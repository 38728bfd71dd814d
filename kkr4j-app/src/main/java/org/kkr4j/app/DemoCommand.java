package org.kkr4j.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardChecker;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.output.ComponentResult;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.io.fortran.FixedField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main job of the README on a fresh machine: reads the bundled recorded runs (card and log of
 * real specx runs), checks each card for the version that produced it, parses each log and prints
 * the results as a table. It says plainly that it replays recordings and does not start specx.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read and parse recorded real AkaiKKR runs bundled with kkr4j (equiatomic quaternary",
            "alloys, cpa2002v010) and print their results. No specx is started."})
final class DemoCommand implements Callable<Integer> {

    private static final String ROOT = "/org/kkr4j/app/demo/";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> systems = resourceText(ROOT + "INDEX").lines().filter(l -> !l.isBlank()).toList();
        out.println("kkr4j demo: reading " + systems.size() + " RECORDED real AkaiKKR runs (cpa2002v010, gfortran build,"
                + " bundled with kkr4j); specx is not started.");
        out.println();
        out.println(String.format("%-14s %-4s %9s %-13s %5s %17s %10s %10s %9s  %s", "system", "lat", "a (bohr)",
                "outcome", "iter", "E_total (Ry)", "E_F up", "E_F dn", "M (muB)", "component spin moments (muB)"));
        List<String> failures = new ArrayList<>();
        try (ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "demo", systems.size())) {
            for (String system : systems) {
                String dir = ROOT + system + "/";
                CardFile card = CardReader.read(SourceText.of(system + "/inputcard_go",
                        resourceText(dir + "inputcard_go")), AkaiVersion.CPA2002V010);
                if (!CardChecker.errors(card, AkaiVersion.CPA2002V010).isEmpty()) {
                    failures.add(system + ": card has errors for cpa2002v010");
                }
                SpecxLog log = SpecxLogParser.parse(SourceText.of(system + "/out_go.log",
                        resourceText(dir + "out_go.log")));
                out.println(row(system, log));
                progress.step();
            }
        }
        out.println();
        out.println("M = total spin moment of the cell at the last iteration; component moments are per CPA"
                + " component (element) of the single site.");
        out.println("Parse any specx output yourself with: kkr4j parse FILE [--json|--csv]");
        failures.forEach(f -> spec.commandLine().getErr().println("demo: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private static String row(String system, SpecxLog log) {
        Deck d = log.decks().get(log.decks().size() - 1);
        String name = system.substring(0, system.lastIndexOf('_'));
        String lattice = system.substring(system.lastIndexOf('_') + 1);
        var s = d.summary();
        var last = d.iterations().isEmpty() ? null : d.iterations().get(d.iterations().size() - 1);
        String moments = d.components().stream().map(DemoCommand::moment).collect(Collectors.joining(" "));
        return String.format("%-14s %-4s %9s %-13s %5s %17s %10s %10s %9s  %s", name, lattice,
                d.lattice() == null ? "-" : raw(d.lattice().aBohr()), d.outcome(), d.iterations().size(),
                s == null ? "-" : raw(s.totalEnergyRy()), s == null ? "-" : raw(s.fermiLevelUpRy()),
                s == null ? "-" : raw(s.fermiLevelDownRy()), last == null ? "-" : raw(last.momentMuB()), moments);
    }

    private static String moment(ComponentResult c) {
        return c.element() + "=" + raw(c.spinMomentMuB());
    }

    private static String raw(FixedField f) {
        return f == null ? "-" : f.raw();
    }

    private static String resourceText(String path) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo file missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
