package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.List;
import org.kkr4j.automation.CoreLevelTable;
import org.kkr4j.automation.GoEvidence;
import org.kkr4j.automation.JudgementSettings;
import org.kkr4j.automation.scf.StoredGoRuns;
import org.kkr4j.automation.scf.ProbePolicy;
import org.kkr4j.automation.scf.ScfReport;
import org.kkr4j.automation.scf.ScfSettings;
import org.kkr4j.automation.scf.ScfStatus;
import org.kkr4j.automation.scf.StartPolicy;
import org.kkr4j.automation.scf.TrailSink;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineException;
import org.kkr4j.engine.EngineSettings;
import org.kkr4j.engine.ResultExtractor;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.store.Code;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Store;
import org.kkr4j.structure.akaikkr.StructureConverter;
import org.kkr4j.structure.akaikkr.StructureToCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j scf}: the automatic ewidth choice and SCF convergence for one system, with its decision trail. */
@Command(name = "scf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Converge one system automatically: choose ewidth (first guess from the core-level tables,",
            "judged on the DOS), move it when the DOS, a pinned level or a reconf stop demands, rescue a stalling",
            "SCF, all within a budget of go runs. Prints the decision trail, which is also stored as events of",
            "the procedure's workflow node. INPUT is an AkaiKKR card (its first deck; its SCF controls are used)",
            "or a CIF/POSCAR (converted; SCF controls: edelt 1e-4, bzqlty 10, maxitr 500, pmix 0.005, pbe, sra, mag).",
            "Exit code: 0 finished, 6 no valid ewidth, 7 not converged within the budget, 8 stopped by a limit of",
            "the settings (ewidth grid, dos window), 5 a specx run failed."})
final class ScfCommand implements Callable<Integer> {
    static final int NO_VALID_EWIDTH = 6;
    static final int NOT_CONVERGED = 7;
    static final int LIMITED = 8;
    /** How many recent converged go runs of the code feed the first guess. */
    static final int STORED_RUNS = 500;
    /** Levels deeper than this never reach a contour bottom. */
    static final double LEVELS_ABOVE_RY = -3.0;

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "INPUT", description = "AkaiKKR card, CIF or POSCAR")
    Path input;

    @Option(names = "--code", required = true, paramLabel = "NAME", description = "registered specx (kkr4j code add)")
    String codeName;

    @Option(names = "--computer", paramLabel = "C",
            description = "run on registered computer C: the --code must be registered there (kkr4j code add --computer C)")
    String computer;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "8",
            description = "most go runs for this system (default ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--probe", paramLabel = "WHEN", defaultValue = "auto",
            description = "short probe go first: auto (when a level is near the guessed bottom), always, never")
    String probe;

    @Option(names = "--start", paramLabel = "FROM", defaultValue = "guess",
            description = "first ewidth: guess (core-level tables and composition) or card")
    String start;

    @Option(names = "--range", paramLabel = "MIN,MAX", split = ",",
            description = "ewidth range searched, Ry (default 1.0,2.0: the published heuristic)")
    double[] range;

    @Option(names = "--grid", paramLabel = "RY", description = "every ewidth tried is a multiple of this (default 0.005)")
    Double grid;

    @Option(names = "--dos-edelt", paramLabel = "RY", description = "edelt of the judgement dos runs (default 1e-4)")
    Double dosEdelt;

    @Option(names = "--dos-window", paramLabel = "W[,MAX]", split = ",",
            description = "dos window (the ewidth of a dos card) to start with and the widest allowed (default 3.0,4.5)")
    double[] dosWindow;

    @Option(names = "--no-continue-across-moves",
            description = "start every moved ewidth from a fresh potential (default: continue from a healthy run)")
    boolean freshOnMove;

    @Option(names = "--no-speculation",
            description = "never run a rival ewidth beside an uncertain first one (default: run it when the budget allows)")
    boolean noSpeculation;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "OMP_NUM_THREADS per run")
    int threads;

    @Option(names = "--json", description = "print the report as JSON at the end")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Store store = storeOptions.open()) {
            Code code = store.code(codeName).orElseThrow(() -> new EngineException("no code named '" + codeName
                    + "' is registered; add one with: kkr4j code add NAME --path /path/to/specx --version VERSION"));
            requireOn(store, code);
            AkaiVersion version = AkaiVersion.parse(code.version());
            CardDeck card = readInput(version, err);
            ScfSettings settings = settings();
            String system = ResultExtractor.systemKey(card.types()) + " " + card.lattice().keyword();
            long workflow = store.createWorkflow("workflow.scf", system, Json.write(Map.of("input",
                    input.toAbsolutePath().toString(), "code", codeName, "budget", budget, "probe", probe, "start",
                    start))).id();
            out.println("kkr4j scf " + system + ": workflow " + workflow + " in " + store.describe());
            out.flush();
            TrailSink print = step -> {
                out.println(step);
                out.flush();
            };
            ScfReport report;
            try (Engine engine = new Engine(store, EngineSettings.defaults(storeOptions.home()))) {
                List<GoEvidence> stored = StoredGoRuns.converged(engine, codeName, STORED_RUNS);
                CoreLevelTable table = CoreLevelTable.bundled().withObserved(stored, LEVELS_ABOVE_RY);
                out.println("core levels: bundled tables" + (stored.isEmpty() ? "" : " and " + stored.size()
                        + " converged go runs of code '" + codeName + "' in this store (they take precedence)"));
                report = ScfWiring.run(engine, storeOptions.home(), err, codeName, version, threads, workflow,
                        settings, table, print, card);
            }
            report.finalGoRun().flatMap(store::outputNode).ifPresent(node -> store.addLink(workflow, node.id(),
                    LinkType.RETURN, "converged_potential"));
            if (json) {
                out.println(Json.write(report));
            }
            return switch (report.status()) {
                case FINISHED -> 0;
                case NO_VALID_EWIDTH -> NO_VALID_EWIDTH;
                case NOT_CONVERGED -> NOT_CONVERGED;
                case LIMITED -> LIMITED;
                case ERROR -> RunCommand.RUN_FAILED;
            };
        }
    }

    /** Runs go where their code lives: {@code --computer} only says which that must be. */
    private void requireOn(Store store, Code code) {
        if (computer == null) {
            return;
        }
        if (store.computer(computer).isEmpty()) {
            throw new EngineException("no computer named '" + computer + "' is registered; add one with: kkr4j"
                    + " computer add " + computer + " ...");
        }
        if (!computer.equals(code.computer())) {
            throw new EngineException("--computer " + computer + ": code '" + code.name() + "' is registered "
                    + (code.remote() ? "on computer " + code.computer() : "on this machine") + ", not on " + computer
                    + "; register the executable there with: kkr4j code add NAME --computer " + computer
                    + " --path /path/there --version " + code.version());
        }
    }

    private ScfSettings settings() {
        ScfSettings s = ScfSettings.defaults().withGoBudget(budget).withProbe(switch (probe.toLowerCase(Locale.ROOT)) {
            case "auto" -> ProbePolicy.AUTO;
            case "always" -> ProbePolicy.ALWAYS;
            case "never" -> ProbePolicy.NEVER;
            default -> throw new IllegalArgumentException("--probe must be auto, always or never, not '" + probe + "'");
        }).withStart(switch (start.toLowerCase(Locale.ROOT)) {
            case "guess" -> StartPolicy.FIRST_GUESS;
            case "card" -> StartPolicy.CARD;
            default -> throw new IllegalArgumentException("--start must be guess or card, not '" + start + "'");
        });
        if (grid != null) {
            s = s.withGrid(grid);
        }
        if (dosEdelt != null || dosWindow != null) {
            if (dosWindow != null && (dosWindow.length < 1 || dosWindow.length > 2)) {
                throw new IllegalArgumentException("--dos-window needs W or W,MAX");
            }
            double w = dosWindow == null ? s.dosWindowRy() : dosWindow[0];
            double max = dosWindow == null ? s.dosWindowMaxRy() : dosWindow.length == 2 ? dosWindow[1] : Math.max(w,
                    s.dosWindowMaxRy());
            s = s.withDos(dosEdelt == null ? s.dosEdeltRy() : dosEdelt, w, max);
        }
        if (noSpeculation) {
            s = s.withSpeculation(false);
        }
        if (freshOnMove) {
            s = s.withContinueAcrossMoves(false);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + threads);
        }
        if (range != null) {
            if (range.length != 2 || !(range[0] > 0) || !(range[1] > range[0])) {
                throw new IllegalArgumentException("--range needs MIN,MAX with 0 < MIN < MAX (Ry)");
            }
            JudgementSettings j = s.judgement();
            s = s.withJudgement(j.withBase(j.base().withRange(range[0], range[1])));
        }
        return s;
    }

    private CardDeck readInput(AkaiVersion version, PrintWriter err) {
        StructureInput.Format format = StructureInput.detect(input);
        if (format == StructureInput.Format.AKAIKKR) {
            return StructureInput.readCard(input, version);
        }
        StructureToCard.Options options = new StructureToCard.Options(version,
                StructureToCard.LatticeConstant.FROM_STRUCTURE, Map.of(), Map.of(), 0.01, "go", "data/pot");
        StructureConverter.Result r = StructureConverter.convert(StructureInput.read(input, format, version),
                new StructureConverter.Options(options, false));
        for (String note : r.notes()) {
            err.println("note: " + note);
        }
        CardDeck d = r.deck();
        // the documented method's card defaults (reference/ewidth.md §3.5); AkaiKKR's own defaults (nrl, mjw,
        // 40 iterations) are not meant for production runs
        return new CardDeck(d.go(), d.potentialFile(), d.lattice(), 1e-4, 1.2, d.ewidthSuffix(), "sra", "pbe", "mag",
                "init", "update", "10", 500, 0.005, "", d.types(), d.atoms(), d.options(), d.fixedSpinMomentMuB(),
                d.kPath());
    }
}
