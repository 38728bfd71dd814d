package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.akaikkr.output.modes.ModeResults;

/**
 * One calculation of a specx log: everything from its mesh header (or {@code data read in}) up to the
 * next deck or the footer. Multi-deck logs (several cards in one input) give several decks; no value
 * is ever taken from another deck.
 *
 * <p>Mode-specific blocks (DOS, J_ij, Tc, conductivity, fsm result) are not parsed here; they lie in
 * {@code [firstLine, lastLine]} and are read by a separate block parser over that range.
 *
 * @param index               0-based deck number
 * @param firstLine           1-based first line (the mesh header before {@code data read in} when there is one)
 * @param lastLine            1-based last line (before the next deck or the footer)
 * @param meshHeader          the {@code meshr mse ng mxl} header of this deck; null when not printed
 * @param input               the {@code data read in} echo
 * @param energyMesh          the complex energy mesh (a point with an unreadable field is left out and reported)
 * @param lattice             the {@code lattice constant} block; null when not reached
 * @param types               the {@code type of site} block
 * @param atoms               the {@code atoms in the unit cell} block
 * @param energyWindows       every {@code ew= ez=} line (initial and regenerated)
 * @param ewaldParameters     every {@code preta= eta=} line
 * @param brillouinZoneMeshes every {@code last= np= ...} line (J_ij and cnd runs print a second one)
 * @param foldNumbers         {@code nfa= nfb= nfc=}; null when not printed
 * @param scfStartLine        1-based line of {@code self-consistent iteration starts}; 0 when not printed
 * @param iterations          every SCF iteration line, in order (atomic-potential iterations excluded)
 * @param noConvergenceLine   1-based line of {@code *** no convergence}; 0 when not printed
 * @param scfTiming           {@code interval=} and {@code sdftyp= reltyp= dmpc=}; null when neither was printed
 * @param summary             the final summary; null when not reached
 * @param components          the per-component result blocks, in printed order (type order, then component order)
 * @param optionEchoes        {@code optnwrt:} lines inside the deck
 * @param messages            {@code ***wrn}, {@code ***msg} and {@code ***err} lines of the deck
 * @param errorStop           the {@code ***err in} line that stopped the run; null otherwise
 * @param sbtimeReportLine    1-based line of {@code sbtime report}; 0 when not printed (the official 2021 release never prints it)
 * @param outcome             how the deck ended
 * @param stage               where the deck's text ends, e.g. {@code SCF iteration 37}, {@code component results}
 * @param missing             what a TRUNCATED deck lacks (e.g. {@code final summary}); empty otherwise
 */
public record Deck(int index, int firstLine, int lastLine, MeshHeader meshHeader, InputEcho input,
                   List<EnergyMeshPoint> energyMesh, LatticeBlock lattice, List<SiteType> types,
                   List<AtomSite> atoms, List<EnergyWindow> energyWindows, List<EwaldParameters> ewaldParameters,
                   List<BrillouinZoneMesh> brillouinZoneMeshes, FoldNumbers foldNumbers, int scfStartLine,
                   List<ScfIteration> iterations, int noConvergenceLine, ScfTiming scfTiming,
                   FinalSummary summary, List<ComponentResult> components, List<OptionEcho> optionEchoes,
                   List<LogMessage> messages, LogMessage errorStop, int sbtimeReportLine, RunOutcome outcome,
                   String stage, List<String> missing, ModeResults modes) {

    public Deck {
        modes = modes == null ? ModeResults.NONE : modes;
        energyMesh = List.copyOf(energyMesh);
        types = List.copyOf(types);
        atoms = List.copyOf(atoms);
        energyWindows = List.copyOf(energyWindows);
        ewaldParameters = List.copyOf(ewaldParameters);
        brillouinZoneMeshes = List.copyOf(brillouinZoneMeshes);
        iterations = List.copyOf(iterations);
        components = List.copyOf(components);
        optionEchoes = List.copyOf(optionEchoes);
        messages = List.copyOf(messages);
        missing = List.copyOf(missing);
    }

    /** True only for a deck whose outcome is {@link RunOutcome#CONVERGED}. */
    public boolean converged() {
        return outcome == RunOutcome.CONVERGED;
    }

    /** The last SCF iteration line, or null when none was printed. */
    public ScfIteration lastIteration() {
        return iterations.isEmpty() ? null : iterations.get(iterations.size() - 1);
    }

    /** This deck with the mode-specific blocks (DOS, J_ij, Tc, transport, fixed-spin result) attached. */
    public Deck withModes(ModeResults found) {
        return new Deck(index, firstLine, lastLine, meshHeader, input, energyMesh, lattice, types, atoms, energyWindows,
                ewaldParameters, brillouinZoneMeshes, foldNumbers, scfStartLine, iterations, noConvergenceLine,
                scfTiming, summary, components, optionEchoes, messages, errorStop, sbtimeReportLine, outcome, stage,
                missing, found);
    }
}
