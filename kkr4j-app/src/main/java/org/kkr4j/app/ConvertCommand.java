package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.akaikkr.card.KPath;
import org.kkr4j.structure.akaikkr.AkaiKPaths;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.akaikkr.CardToStructure;
import org.kkr4j.structure.akaikkr.StructureConverter;
import org.kkr4j.structure.akaikkr.StructureToCard;
import org.kkr4j.structure.cif.CifWriter;
import org.kkr4j.structure.poscar.Poscar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kkr4j convert FILE --to akaikkr|cif|poscar}: structures between CIF, POSCAR and AkaiKKR cards. */
@Command(name = "convert", versionProvider = VersionProvider.class,
        description = {"Convert a structure between CIF, VASP POSCAR and an AkaiKKR input card.",
            "To akaikkr: the space group is found (symprec), brvtyp follows from it, types are the",
            "symmetry orbits, CPA components come from partial occupancies (missing fraction = Z 0).",
            "From a card (any file not named *.cif, POSCAR*, CONTCAR*, *.vasp): the lattice and sites",
            "specx builds from it. Notes (e.g. an aux fallback) go to stderr."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "CIF, POSCAR/CONTCAR/*.vasp, or an AkaiKKR card")
    Path file;

    @Option(names = "--to", paramLabel = "FORMAT", description = "akaikkr, cif or poscar")
    String to;

    /** The AkaiKKR version of the card written (type-name length, k-point coordinates); default 2022.0721. */
    @picocli.CommandLine.Mixin
    AkaiVersionOption version = new AkaiVersionOption();

    @picocli.CommandLine.Mixin
    CardInputVersion fromVersion = new CardInputVersion();

    @Option(names = "--aux", description = "write aux (specx's primitive vectors of the named lattice) instead of the named brvtyp")
    boolean aux;

    @Option(names = "--symprec", paramLabel = "X", defaultValue = "0.01",
            description = "symmetry tolerance in Å (default ${DEFAULT-VALUE})")
    double symprec;

    @Option(names = "--lattice", paramLabel = "SRC", defaultValue = "file",
            description = "lattice constant written: file (from the structure), mjw (a = 0: specx estimates "
                    + "from MJW volumes) or experimental (a = 1000000); default ${DEFAULT-VALUE}")
    String lattice;

    @Option(names = "--rmt", paramLabel = "KEY=R", split = ",",
            description = "muffin-tin radius (units of a) per element symbol or 1-based type number, e.g. Fe=0.3,2=0.25")
    Map<String, Double> rmt = new HashMap<>();

    @Option(names = "--field", paramLabel = "KEY=F", split = ",", description = "external field (Ry) per element or type")
    Map<String, Double> field = new HashMap<>();

    @Option(names = "--mxl", paramLabel = "KEY=L", split = ",", description = "l_max per element or type")
    Map<String, Integer> mxl = new HashMap<>();

    @Option(names = "--majority", description = "POSCAR from CPA sites: write the majority component instead of failing")
    boolean majority;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of stdout")
    Path output;

    @Option(names = "--go", paramLabel = "MODE",
            description = "to akaikkr: the go field; spcXY also writes the standard k-path (Setyawan-Curtarolo) in"
                    + " read format X: 1 every point, 2 symmetry points with divisions, 3 total count (first"
                    + " continuous segment only); labels go to stderr")
    String go;

    @Option(names = "--kpoints", paramLabel = "N", defaultValue = "200",
            description = "spc: approximate total number of k-points along the path (default ${DEFAULT-VALUE})")
    int kpoints;

    @Override
    public Integer call() {
        if (version.printedKkr4jVersion(spec)) {
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        if (!(kpoints >= 2)) {
            throw new IllegalArgumentException("--kpoints must be at least 2: " + kpoints);
        }
        if (to == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--to=FORMAT' (akaikkr, cif or poscar)");
        }
        if (go != null && !to.toLowerCase(Locale.ROOT).matches("akaikkr|kkr|card")) {
            throw new IllegalArgumentException("--go applies to --to akaikkr only");
        }
        AkaiVersion target = version.orDefault(AkaiVersion.V2022_0721);
        AkaiVersion source = fromVersion.value();
        StructureInput.Format format = StructureInput.detect(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String text = switch (to.toLowerCase(Locale.ROOT)) {
            case "akaikkr", "kkr", "card" -> toCard(StructureInput.read(file, format, source), target);
            case "cif" -> format == StructureInput.Format.AKAIKKR
                    ? CardToStructure.toCif(StructureInput.readCard(file, source), name)
                    : CifWriter.write(StructureInput.read(file, format, source), name);
            case "poscar", "vasp" -> {
                Poscar.PartialOccupancy policy = majority ? Poscar.PartialOccupancy.MAJORITY : Poscar.PartialOccupancy.REFUSE;
                yield format == StructureInput.Format.AKAIKKR
                        ? CardToStructure.toPoscar(StructureInput.readCard(file, source), name, policy)
                        : Poscar.write(StructureInput.read(file, format, source), name, policy);
            }
            default -> throw new IllegalArgumentException("--to must be akaikkr, cif or poscar, not '" + to + "'");
        };
        TextOutput.write(spec, output, text);
        return 0;
    }

    private String toCard(Structure s, AkaiVersion target) {
        StructureToCard.Options card = new StructureToCard.Options(target, latticeConstant(), byType(), byElement(),
                symprec, "go", "data/kkr");
        StructureConverter.Result r = StructureConverter.convert(s, new StructureConverter.Options(card, aux));
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%s: space group %d %s, %s -> %s, %d types, %d atoms%n", file, r.symmetry().spaceGroupNumber(),
                r.symmetry().internationalSymbol(), r.brvtyp().canonicalKeyword(), r.deck().lattice().keyword(),
                r.deck().ntyp(), r.deck().natm());
        for (String note : r.notes()) {
            err.println("note: " + note);
        }
        err.flush();
        CardDeck deck = r.deck();
        if (go != null) {
            deck = withGo(deck, target, err);
        }
        return CardWriter.write(CardFile.of(deck), target);
    }

    /** The go field, and for spc the standard k-path in the mode's read format. */
    private CardDeck withGo(CardDeck deck, AkaiVersion target, PrintWriter err) {
        GoMode mode = GoMode.parse(go).orElseThrow(() -> new IllegalArgumentException("--go: unknown mode '" + go + "'"));
        if (!target.supports(mode.kind())) {
            throw new UnsupportedOperationException("--go " + go + ": " + target.id() + " has no "
                    + mode.kind().name().toLowerCase(Locale.ROOT) + " mode");
        }
        if (mode.kind() != GoMode.Kind.SPC) {
            return deck.withGo(go);
        }
        KPath.Format format = KPath.Format.ofCode(mode.spcRead());
        AkaiKPaths.LabelledPath path = AkaiKPaths.standard(deck.lattice());
        if (format == KPath.Format.TOTAL_COUNT && path.segments().size() > 1) {
            AkaiKPaths.LabelledPath first = new AkaiKPaths.LabelledPath(path.lattice(),
                    List.of(path.segments().get(0)), path.variant());
            err.println("note: read format (c) has no jumps: only the first continuous segment of " + path.labels()
                    + " is written (" + first.labels() + "); use spc2" + mode.spcWrite() + " for the whole path");
            path = first;
        }
        KPath k = AkaiKPaths.toKPath(path, deck.lattice(), target, format, kpoints);
        err.printf("k-path %s: %s (%d symmetry points, %d k-points)%n", path.variant(), path.labels(),
                path.symmetryPointCount(), format == KPath.Format.TOTAL_COUNT ? kpoints
                        : format == KPath.Format.EXPLICIT ? k.points().size()
                        : k.points().stream().mapToInt(p -> p.divisions().getAsInt() <= 1 ? 1
                                : p.divisions().getAsInt()).sum());
        for (List<AkaiKPaths.LabelledPoint> seg : path.segments()) {
            for (AkaiKPaths.LabelledPoint p : seg) {
                org.kkr4j.io.akaikkr.card.Vector3 c = AkaiKPaths.cardCoordinates(path, p, target);
                err.printf(Locale.ROOT, "  %-3s %14.10f %14.10f %14.10f%n", p.label(), c.x(), c.y(), c.z());
            }
        }
        err.flush();
        return deck.withGo(go).withKPath(java.util.Optional.of(k));
    }

    private StructureToCard.LatticeConstant latticeConstant() {
        return switch (lattice.toLowerCase(Locale.ROOT)) {
            case "file" -> StructureToCard.LatticeConstant.FROM_STRUCTURE;
            case "mjw" -> StructureToCard.LatticeConstant.ESTIMATE_MJW;
            case "experimental", "exp" -> StructureToCard.LatticeConstant.ESTIMATE_EXPERIMENTAL;
            default -> throw new IllegalArgumentException("--lattice must be file, mjw or experimental, not '" + lattice + "'");
        };
    }

    private static boolean isTypeKey(String key) {
        return key.chars().allMatch(Character::isDigit);
    }

    private Map<Integer, StructureToCard.TypeSettings> byType() {
        Map<Integer, StructureToCard.TypeSettings> m = new HashMap<>();
        for (String key : keys()) {
            if (isTypeKey(key)) {
                int t = Integer.parseInt(key);
                if (t < 1) {
                    throw new IllegalArgumentException("type numbers start at 1: " + key);
                }
                m.put(t - 1, settings(key));
            }
        }
        return m;
    }

    private Map<String, StructureToCard.TypeSettings> byElement() {
        Map<String, StructureToCard.TypeSettings> m = new HashMap<>();
        for (String key : keys()) {
            if (!isTypeKey(key)) {
                m.put(key, settings(key));
            }
        }
        return m;
    }

    private List<String> keys() {
        java.util.Set<String> all = new java.util.TreeSet<>(rmt.keySet());
        all.addAll(field.keySet());
        all.addAll(mxl.keySet());
        return List.copyOf(all);
    }

    private StructureToCard.TypeSettings settings(String key) {
        return new StructureToCard.TypeSettings(
                rmt.containsKey(key) ? OptionalDouble.of(rmt.get(key)) : OptionalDouble.empty(),
                field.containsKey(key) ? OptionalDouble.of(field.get(key)) : OptionalDouble.empty(),
                mxl.containsKey(key) ? OptionalInt.of(mxl.get(key)) : OptionalInt.empty());
    }
}
