package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.akaikkr.StructureConverter;
import org.kkr4j.structure.akaikkr.StructureToCard;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kkr4j bench convert}: CIF/POSCAR → AkaiKKR card conversions per second over the structure corpus.
 * The reference converter (Python, pymatgen + spglib) cannot run here, so the baseline is its documented
 * cost of 0.5–1 s per small CIF (issue 3), and the ratio is printed as a range against that figure.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Convert every CIF/POSCAR of fixtures/structures/inputs to an AkaiKKR card (read, symmetry,",
            "brvtyp, types, card text) and print conversions per second (best of the timed rounds after",
            "warm-up). The baseline is the documented 0.5-1 s per small CIF of the reference Python",
            "converter (pymatgen + spglib are not installable here, so it is not run); target >= 20 x."})
final class BenchConvertCommand implements Callable<Integer> {

    /** Documented cost of the reference converter per small CIF (issue 3), seconds. */
    static final double BASELINE_FAST_SECONDS = 0.5;
    static final double BASELINE_SLOW_SECONDS = 1.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "the shared data root (default: ../shared beside the kkr4j checkout)")
    Path shared;

    @Option(names = "--rounds", defaultValue = "10", description = "timed rounds over the corpus (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed warm-up rounds (default ${DEFAULT-VALUE})")
    int warmup;

    record Input(String name, SourceText text, boolean cif) {
    }

    @Override
    public Integer call() {
        if (rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rounds must be >= 1 and --warmup >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path root = SharedLocation.resolve(shared).resolve("fixtures/structures/inputs");
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("structure corpus not found: " + root + " (use --shared DIR)");
        }
        List<Input> all = scan(root);
        List<Input> ok = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Input in : all) {
            try {
                convert(in);
                ok.add(in);
            } catch (KkrFormatException e) {
                refused.add(in.name() + " (" + e.getMessage().replace(in.name() + ":", "line ") + ")");
            }
        }
        out.printf("corpus: %s: %d files, %d converted, %d refused with a typed error (not timed)%n", root, all.size(),
                ok.size(), refused.size());
        out.println("converted: " + String.join(", ", ok.stream().map(Input::name).toList()));
        for (String r : refused) {
            out.println("refused:   " + r);
        }
        out.flush();
        double best = Double.MAX_VALUE;
        long sink = 0;
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "kkr4j convert", (long) warmup + rounds)) {
            for (int r = 0; r < warmup + rounds; r++) {
                long t0 = System.nanoTime();
                for (Input in : ok) {
                    sink += convert(in).length();
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                if (r >= warmup) {
                    best = Math.min(best, sec);
                }
                bar.step();
            }
        }
        double perSecond = ok.size() / best;
        out.printf(Locale.ROOT, "kkr4j: %d conversions in %.1f ms (best of %d rounds after %d warm-up): %.1f conversions/s, %.3f ms each%n",
                ok.size(), best * 1e3, rounds, warmup, perSecond, 1e3 * best / ok.size());
        out.printf(Locale.ROOT, "baseline: the reference Python converter (pymatgen + spglib), documented at %.1f-%.1f s per small CIF"
                + " (issue 3); not run here: pymatgen/spglib cannot be installed on this machine%n",
                BASELINE_FAST_SECONDS, BASELINE_SLOW_SECONDS);
        out.printf(Locale.ROOT, "ratio kkr4j / documented baseline: %.0f x to %.0f x   (issue target: >= 20 x)%n",
                perSecond * BASELINE_FAST_SECONDS, perSecond * BASELINE_SLOW_SECONDS);
        if (sink == 42) {
            out.println();
        }
        out.flush();
        return 0;
    }

    private static String convert(Input in) {
        Structure s = in.cif() ? CifReader.parse(in.text(), CifReader.Options.DEFAULT) : Poscar.parse(in.text(), null);
        StructureConverter.Result r = StructureConverter.convert(s, new StructureConverter.Options(
                StructureToCard.Options.defaults(AkaiVersion.V2022_0721), false));
        return CardWriter.write(CardFile.of(r.deck()), AkaiVersion.V2022_0721);
    }

    private static List<Input> scan(Path root) {
        List<Input> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                StructureInput.Format f = StructureInput.detect(p);
                if (f == StructureInput.Format.AKAIKKR) {
                    continue; // README.md and the like
                }
                out.add(new Input(rel, SourceText.of(rel, Files.readAllBytes(p)), f == StructureInput.Format.CIF));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
