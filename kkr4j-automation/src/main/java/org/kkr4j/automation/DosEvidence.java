package org.kkr4j.automation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kkr4j.elements.Elements;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.SiteType;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.io.akaikkr.output.TypeComponent;
import org.kkr4j.io.akaikkr.output.modes.ComponentPdos;
import org.kkr4j.io.akaikkr.output.modes.DosPoint;
import org.kkr4j.io.akaikkr.output.modes.DosResult;
import org.kkr4j.io.akaikkr.output.modes.PdosRow;
import org.kkr4j.io.akaikkr.output.modes.SpinDos;

/**
 * What a dos log tells the gap judgement: the total DOS per atom and the DOS of every component, spin-summed,
 * on the real-axis mesh relative to E_F, and the window the version puts around E_F:
 * [−ref·ewidth_dos, (1 − ref)·ewidth_dos] with ref from {@link AkaiVersion#dosWindowReference()}.
 */
public record DosEvidence(String source, AkaiVersion version, double ewidthDosRy, double edeltRy,
                          double windowReference, double measuredWindowReference, int atomCount,
                          DosCurve totalPerAtom, List<DosCurve> components, List<Double> componentConcentrations) {
    public DosEvidence {
        components = List.copyOf(components);
        componentConcentrations = List.copyOf(componentConcentrations);
        if (componentConcentrations.size() != components.size()) {
            throw new IllegalArgumentException(components.size() + " component curves but "
                    + componentConcentrations.size() + " concentrations");
        }
    }

    /** Without concentrations (NaN for every component): built by hand, e.g. in tests. */
    public DosEvidence(String source, AkaiVersion version, double ewidthDosRy, double edeltRy, double windowReference,
                       double measuredWindowReference, int atomCount, DosCurve totalPerAtom, List<DosCurve> components) {
        this(source, version, ewidthDosRy, edeltRy, windowReference, measuredWindowReference, atomCount, totalPerAtom,
                components, components.stream().map(c -> Double.NaN).toList());
    }

    /** The smallest concentration of any component (NaN when none is known). */
    public double smallestConcentration() {
        return componentConcentrations.stream().mapToDouble(Double::doubleValue).filter(c -> !Double.isNaN(c))
                .min().orElse(Double.NaN);
    }

    public double windowBottomRy() {
        return -windowReference * ewidthDosRy;
    }

    public double windowTopRy() {
        return (1 - windowReference) * ewidthDosRy;
    }

    /** The reference measured from the mesh differs from the version's by more than 0.05 (as GAES warns). */
    public boolean referenceMismatch() {
        return Math.abs(measuredWindowReference - windowReference) > 0.05;
    }

    /**
     * @param version used when the log's dialect does not name one (cpa2002v010 and 2022.0721 share 0.75,
     *                cpa2021v01 and the cnd build 0.5, so a wrong guess changes the window)
     */
    public static DosEvidence read(Path dosLog, Optional<AkaiVersion> version) {
        return from(SpecxLogParser.parse(SourceText.read(dosLog)), version);
    }

    public static DosEvidence from(SpecxLog log, Optional<AkaiVersion> fallbackVersion) {
        Deck deck = log.lastDeck();
        if (deck == null || deck.input() == null) {
            throw new EvidenceException(log.source() + ": no input echo; not a dos log");
        }
        if (deck.input().goKind() != GoMode.Kind.DOS) {
            throw new EvidenceException(log.source() + ": a " + deck.input().goKind() + " log, not a dos log");
        }
        DosResult dos = deck.modes().dos().orElseThrow(() -> new EvidenceException(
                log.source() + ": no DOS block (outcome " + log.outcome() + ")"));
        Optional<AkaiVersion> fromLog = log.dialect() == null ? Optional.empty() : log.dialect().version();
        AkaiVersion version = fromLog.or(() -> fallbackVersion).orElseThrow(() -> new EvidenceException(
                log.source() + ": the AkaiKKR version cannot be told from the log; name it"));
        int natm = (int) Math.round(Fields.value(deck.input().natm()));
        if (natm < 1) {
            throw new EvidenceException(log.source() + ": natm not printed");
        }
        double[] energies = null;
        double[] total = null;
        for (SpinDos s : dos.spins()) {
            List<DosPoint> pts = s.totalDosStatesPerRy();
            if (energies == null) {
                energies = new double[pts.size()];
                total = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    energies[i] = pts.get(i).energyRy();
                }
            } else if (pts.size() != energies.length) {
                throw new EvidenceException(log.source() + ": spin blocks have different meshes");
            }
            for (int i = 0; i < pts.size(); i++) {
                total[i] += pts.get(i).value();
            }
        }
        if (energies == null || energies.length < 2) {
            throw new EvidenceException(log.source() + ": empty total DOS");
        }
        DosCurve perAtom = new DosCurve("total DOS per atom", energies, total).scaled("total DOS per atom",
                1.0 / natm);
        List<DosCurve> comps = componentCurves(log.source(), deck, dos);
        List<Double> conc = new ArrayList<>();
        for (SiteType t : deck.types()) {
            for (TypeComponent c : t.components()) {
                conc.add(Fields.value(c.concentration()));
            }
        }
        while (conc.size() < comps.size()) {
            conc.add(Double.NaN);
        }
        conc = conc.subList(0, comps.size());
        double ewDos = Fields.value(deck.input().ewidthRy());
        double step = perAtom.stepRy();
        double measured = (-energies[0] + step / 2) / ewDos;
        return new DosEvidence(log.source(), version, ewDos, Fields.value(deck.input().edeltRy()),
                version.dosWindowReference(), measured, natm, perAtom, comps, conc);
    }

    /** The component tables are printed on their own mesh (the window ends, one point more than the total). */
    private static List<DosCurve> componentCurves(String source, Deck deck, DosResult dos) {
        List<String> labels = new ArrayList<>();
        for (SiteType t : deck.types()) {
            for (TypeComponent c : t.components()) {
                int z = (int) Math.round(Fields.value(c.atomicNumber()));
                String el = z >= 1 && z <= Elements.maxZ() ? Elements.byZ(z).symbol() : ("Z=" + z);
                labels.add(t.name() + ":" + el);
            }
        }
        List<double[]> sums = new ArrayList<>();
        List<double[]> meshes = new ArrayList<>();
        for (SpinDos s : dos.spins()) {
            for (int k = 0; k < s.components().size(); k++) {
                ComponentPdos p = s.components().get(k);
                if (sums.size() <= k) {
                    double[] mesh = new double[p.rows().size()];
                    for (int i = 0; i < mesh.length; i++) {
                        mesh[i] = p.rows().get(i).energyRy();
                    }
                    meshes.add(mesh);
                    sums.add(new double[mesh.length]);
                }
                double[] energies = meshes.get(k);
                if (p.rows().size() != energies.length) {
                    throw new EvidenceException(source + ": component " + p.component() + " has "
                            + p.rows().size() + " rows in one spin and " + energies.length + " in the other");
                }
                double[] sum = sums.get(k);
                for (int i = 0; i < energies.length; i++) {
                    PdosRow r = p.rows().get(i);
                    sum[i] += rowTotal(p, r);
                }
            }
        }
        List<DosCurve> out = new ArrayList<>();
        for (int k = 0; k < sums.size(); k++) {
            String label = "component " + (k + 1) + (k < labels.size() ? " " + labels.get(k) : "");
            out.add(new DosCurve(label, meshes.get(k), sums.get(k)));
        }
        return out;
    }

    private static double rowTotal(ComponentPdos p, PdosRow r) {
        List<Double> v = r.statesPerRy();
        if (p.hasTotalColumn()) {
            return v.get(v.size() - 1);
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
