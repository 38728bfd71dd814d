package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;
import org.kkr4j.io.akaikkr.card.Vector3;
import org.kkr4j.structure.akaikkr.AkaiKPaths;
import org.kkr4j.structure.akaikkr.SpaceGroupBrvtyp;
import org.kkr4j.structure.symmetry.SymmetryDataset;
import org.kkr4j.structure.symmetry.SymmetryFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kkr4j structure info}, {@code kkr4j structure kpath}: what the symmetry finder sees in a structure file. */
@Command(name = "structure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect crystal structures (CIF, POSCAR, AkaiKKR cards).",
        subcommands = {StructureCommand.Info.class, StructureCommand.KPathCommand.class})
final class StructureCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The report, also the JSON shape of {@code --json}. */
    record Report(String file, int atomsInFile, int spaceGroupNumber, String spaceGroupSymbol, int hallNumber,
                  String crystalSystem, String centring, String brvtyp, int pointGroupOrder, Cell primitiveCell,
                  List<Orbit> orbits) {
    }

    record Cell(double aAngstrom, double bAngstrom, double cAngstrom, double alphaDeg, double betaDeg, double gammaDeg,
                double volumeAngstrom3, List<double[]> vectorsAngstrom, List<CellSite> sites) {
    }

    record CellSite(double[] fractional, Map<String, Double> occupancy) {
    }

    /** An orbit: its composition, the input sites in it (1-based), multiplicity in the input cell. */
    record Orbit(int index, Map<String, Double> occupancy, int multiplicity, List<Integer> inputSites) {
    }

    static Report report(Path file, Structure s, SymmetryDataset ds) {
        Structure p = ds.reducedPrimitive();
        Lattice l = p.lattice();
        List<CellSite> sites = new ArrayList<>();
        for (Site site : p.sites()) {
            Vec3 f = site.fractional();
            sites.add(new CellSite(new double[]{f.x(), f.y(), f.z()}, occupancy(site)));
        }
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Vec3 v = l.vector(i);
            vectors.add(new double[]{v.x(), v.y(), v.z()});
        }
        Cell cell = new Cell(l.aAngstrom(), l.bAngstrom(), l.cAngstrom(), l.alphaDeg(), l.betaDeg(), l.gammaDeg(),
                l.volumeAngstrom3(), vectors, sites);
        Map<Integer, List<Integer>> byOrbit = new LinkedHashMap<>();
        for (int i = 0; i < s.sites().size(); i++) {
            byOrbit.computeIfAbsent(ds.equivalentSites().get(i), k -> new ArrayList<>()).add(i + 1);
        }
        List<Orbit> orbits = new ArrayList<>();
        int k = 1;
        for (Map.Entry<Integer, List<Integer>> e : byOrbit.entrySet()) {
            orbits.add(new Orbit(k++, occupancy(s.sites().get(e.getKey())), e.getValue().size(), e.getValue()));
        }
        return new Report(file.toString(), s.sites().size(), ds.spaceGroupNumber(), ds.internationalSymbol(),
                ds.hallNumber(), ds.crystalSystem().name().toLowerCase(Locale.ROOT), String.valueOf(ds.centring()),
                SpaceGroupBrvtyp.of(ds.spaceGroupNumber()).canonicalKeyword(), ds.pointGroupOrder(), cell, orbits);
    }

    private static Map<String, Double> occupancy(Site site) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Occupant o : site.occupantsByZ()) {
            m.put(o.species().symbol(), o.occupancy());
        }
        return m;
    }

    @Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Space group (number, symbol, Hall number), crystal system, centring, the AkaiKKR",
                "Bravais type (brvtyp), the reduced primitive cell (lattice and sites) and the symmetry orbits."})
    static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "CIF, POSCAR/CONTCAR/*.vasp, or an AkaiKKR card")
        Path file;

        @Option(names = "--symprec", paramLabel = "X", defaultValue = "0.01",
                description = "symmetry tolerance in Å (default ${DEFAULT-VALUE})")
        double symprec;

        @picocli.CommandLine.Mixin
        CardInputVersion fromVersion = new CardInputVersion();

        @Option(names = "--json", description = "print the report as JSON")
        boolean json;

        @Override
        public Integer call() {
            if (!(symprec > 0)) {
                throw new IllegalArgumentException("--symprec must be > 0: " + symprec);
            }
            Structure s = StructureInput.read(file, StructureInput.detect(file),
                    fromVersion.value());
            Report r = report(file, s, SymmetryFinder.analyse(s, symprec));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(r));
            } else {
                print(out, r);
            }
            out.flush();
            return 0;
        }

        private static void print(PrintWriter out, Report r) {
            out.printf("file:           %s (%d sites in the cell)%n", r.file(), r.atomsInFile());
            out.printf("space group:    %d %s (Hall number %d, point-group order %d)%n", r.spaceGroupNumber(),
                    r.spaceGroupSymbol(), r.hallNumber(), r.pointGroupOrder());
            out.printf("crystal system: %s, centring %s%n", r.crystalSystem(), r.centring());
            out.printf("AkaiKKR brvtyp: %s%n", r.brvtyp());
            Cell c = r.primitiveCell();
            out.printf(Locale.ROOT, "primitive cell: a=%.6f b=%.6f c=%.6f A, alpha=%.4f beta=%.4f gamma=%.4f deg, V=%.6f A^3%n",
                    c.aAngstrom(), c.bAngstrom(), c.cAngstrom(), c.alphaDeg(), c.betaDeg(), c.gammaDeg(), c.volumeAngstrom3());
            for (int i = 0; i < 3; i++) {
                double[] v = c.vectorsAngstrom().get(i);
                out.printf(Locale.ROOT, "  a%d = %12.6f %12.6f %12.6f%n", i + 1, v[0], v[1], v[2]);
            }
            out.printf("  %d sites (fractions of a1 a2 a3):%n", c.sites().size());
            for (CellSite s : c.sites()) {
                out.printf(Locale.ROOT, "  %10.6f %10.6f %10.6f  %s%n", s.fractional()[0], s.fractional()[1],
                        s.fractional()[2], formula(s.occupancy()));
            }
            out.printf("orbits: %d%n", r.orbits().size());
            for (Orbit o : r.orbits()) {
                out.printf("  orbit %d: %s, %d sites in the file: %s%n", o.index(), formula(o.occupancy()),
                        o.multiplicity(), o.inputSites());
            }
        }

        private static String formula(Map<String, Double> occ) {
            StringBuilder b = new StringBuilder();
            occ.forEach((sym, x) -> {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(sym);
                if (Math.abs(x - 1) > 1e-12) {
                    b.append(':').append(String.format(Locale.ROOT, "%.6g", x));
                }
            });
            return b.toString();
        }
    }

    /** The labelled path, also the JSON shape of {@code structure kpath --json}. */
    record PathReport(String file, String version, String brvtyp, String variant, String path,
                      String coordinates, int symmetryPoints, List<PathPoint> points) {
    }

    /** One point: label, fractions of specx's reciprocal vectors, the coordinates the card holds. */
    record PathPoint(int segment, String label, double[] fractional, double[] card) {
    }

    @Command(name = "kpath", versionProvider = VersionProvider.class,
            description = {"The standard band-structure path (Setyawan-Curtarolo 2010) of the AkaiKKR lattice of a",
                "card or of the card a CIF/POSCAR converts to, in the k-point coordinates the AkaiKKR version",
                "reads for go=spc: Cartesian 2 pi/a (y, z times b/a, c/a) for named lattices, fractions of the",
                "reciprocal vectors for aux (2022.0721 only). A jump between segments is shown as |."})
    static final class KPathCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "CIF, POSCAR/CONTCAR/*.vasp, or an AkaiKKR card")
        Path file;

        /** The AkaiKKR version the coordinates are for; default 2022.0721. */
        @picocli.CommandLine.Mixin
        AkaiVersionOption version = new AkaiVersionOption();

        @picocli.CommandLine.Mixin
        CardInputVersion fromVersion = new CardInputVersion();

        @Option(names = "--aux", description = "CIF/POSCAR: the path for the aux card (--aux of convert)")
        boolean aux;

        @Option(names = "--symprec", paramLabel = "X", defaultValue = "0.01",
                description = "CIF/POSCAR: symmetry tolerance in Å (default ${DEFAULT-VALUE})")
        double symprec;

        @Option(names = "--json", description = "print the path as JSON")
        boolean json;

        @Override
        public Integer call() {
            if (version.printedKkr4jVersion(spec)) {
                return 0;
            }
            if (file == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Missing required parameter: 'FILE'");
            }
            AkaiVersion target = version.orDefault(AkaiVersion.V2022_0721);
            AkaiVersion source = fromVersion.value();
            StructureInput.Format format = StructureInput.detect(file);
            org.kkr4j.io.akaikkr.card.Lattice lattice;
            if (format == StructureInput.Format.AKAIKKR) {
                lattice = StructureInput.readCard(file, source).lattice();
            } else {
                Structure s = StructureInput.read(file, format, source);
                var card = org.kkr4j.structure.akaikkr.StructureToCard.Options.defaults(target);
                card = new org.kkr4j.structure.akaikkr.StructureToCard.Options(target, card.latticeConstant(),
                        card.byType(), card.byElement(), symprec, card.go(), card.potentialFile());
                lattice = org.kkr4j.structure.akaikkr.StructureConverter.convert(s,
                        new org.kkr4j.structure.akaikkr.StructureConverter.Options(card, aux)).deck().lattice();
            }
            AkaiKPaths.LabelledPath path = AkaiKPaths.standard(lattice);
            List<PathPoint> points = new ArrayList<>();
            for (int i = 0; i < path.segments().size(); i++) {
                for (AkaiKPaths.LabelledPoint p : path.segments().get(i)) {
                    Vector3 c = AkaiKPaths.cardCoordinates(path, p, target);
                    Vec3 f = p.fractional();
                    points.add(new PathPoint(i + 1, p.label(), new double[]{f.x(), f.y(), f.z()},
                            new double[]{c.x(), c.y(), c.z()}));
                }
            }
            boolean isAux = lattice.bravais() == org.kkr4j.io.akaikkr.card.BravaisLattice.AUX;
            PathReport r = new PathReport(file.toString(), target.id(), lattice.keyword(), path.variant(),
                    path.labels(), isAux ? "fractional reciprocal" : "cartesian 2pi/a (y*b/a, z*c/a)",
                    path.symmetryPointCount(), points);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(r));
            } else {
                out.printf("%s: brvtyp %s, %s path %s (%d symmetry points)%n", r.file(), r.brvtyp(), r.variant(),
                        r.path(), r.symmetryPoints());
                out.printf("coordinates for %s: %s%n", r.version(), r.coordinates());
                int seg = 0;
                for (PathPoint p : points) {
                    if (p.segment() != seg && seg != 0) {
                        out.println("  |");
                    }
                    seg = p.segment();
                    out.printf(Locale.ROOT, "  %-3s %14.10f %14.10f %14.10f%n", p.label(), p.card()[0], p.card()[1],
                            p.card()[2]);
                }
            }
            out.flush();
            return 0;
        }
    }
}
