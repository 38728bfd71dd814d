package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.engine.CodeRegistry;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Code;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j code}: the registry of AkaiKKR executables. */
@Command(name = "code", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Register AkaiKKR executables (specx builds) and list them.",
        subcommands = {CodeCommand.Add.class, CodeCommand.ListCodes.class})
final class CodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", versionProvider = VersionProvider.class,
            description = {"Register an executable under a name: its absolute path, declared version and SHA-256",
                "are recorded; runs refuse to start if the binary changes later. The executable is probed once",
                "with an empty card; when its output tells the version and it differs from --version, this fails."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "name used by kkr4j run --code NAME (required)")
        String name;

        @Option(names = "--path", paramLabel = "EXE", description = "the executable (required)")
        Path path;

        @Mixin
        AkaiVersionOption version;

        @Option(names = "--helper", paramLabel = "ROLE=EXE", description = "a helper executable, e.g. fmg=/opt/akaikkr/fmg")
        Map<String, Path> helpers = new LinkedHashMap<>();

        @Option(names = "--no-probe", description = "do not run the executable to check its version")
        boolean noProbe;

        @Option(names = "--computer", paramLabel = "C",
                description = {"the executable lives on registered computer C (kkr4j computer add): --path is its",
                    "path there; it must exist and be executable there, its sha256 is computed there; runs of",
                    "this code go to C"})
        String computer;

        @Override
        public Integer call() {
            if (version.printedKkr4jVersion(spec)) {
                return 0;
            }
            AkaiVersion v = version.required(spec);
            if (name == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'NAME'");
            }
            if (path == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--path=EXE'");
            }
            if (computer != null && !helpers.isEmpty()) {
                throw new UnsupportedOperationException("--helper with --computer: helper executables on a remote"
                        + " computer are not supported");
            }
            try (Store store = storeOptions.open()) {
                CodeRegistry registry = new CodeRegistry(store, Duration.ofSeconds(20));
                var reg = computer == null ? registry.add(name, path, v, helpers, !noProbe)
                        : registry.addRemote(name, computer, path.toString(), v, ComputerSpec::openTransport);
                PrintWriter out = spec.commandLine().getOut();
                Code c = reg.code();
                out.println("registered code '" + c.name() + "': " + c.path()
                        + (c.remote() ? " on computer " + c.computer() : ""));
                out.println("  version " + c.version() + " (" + reg.probeNote() + ")");
                out.println("  sha256  " + c.sha256());
                c.helpers().forEach((role, p) -> out.println("  helper  " + role + " = " + p));
                out.println("  store   " + store.describe());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the registered codes.")
    static final class ListCodes implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Option(names = "--json", description = "as JSON")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                List<Code> codes = store.codes();
                if (json) {
                    out.println(Json.write(codes));
                    return 0;
                }
                if (codes.isEmpty()) {
                    out.println("no codes registered; add one with: kkr4j code add NAME --path EXE --version V");
                }
                out.println(String.format("%-16s %-14s %-14s %-12s %s", "name", "version", "sha256", "computer",
                        "path"));
                for (Code c : codes) {
                    out.println(String.format("%-16s %-14s %-14s %-12s %s", c.name(), c.version(),
                            c.sha256().substring(0, 12), c.remote() ? c.computer() : "(here)", c.path()));
                }
            }
            return 0;
        }
    }
}
