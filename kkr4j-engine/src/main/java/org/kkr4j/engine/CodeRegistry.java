package org.kkr4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.remote.transport.Transport;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.Store;

/** Registers AkaiKKR executables: absolute path, declared version, SHA-256, helpers; checks the version where it can. */
public final class CodeRegistry {
    private final Store store;
    private final Duration probeTimeout;

    public CodeRegistry(Store store, Duration probeTimeout) {
        this.store = store;
        this.probeTimeout = probeTimeout;
    }

    /** What registration found out. */
    public record Registration(Code code, Optional<AkaiVersion> detected, String probeNote) {
    }

    /**
     * @param probe run the executable once with an empty card and read the version from what it prints; a
     *              detected version that differs from the declared one is an error
     */
    public Registration add(String name, Path executable, AkaiVersion declared, Map<String, Path> helpers,
                            boolean probe) {
        requireName(name);
        Path exe = requireExecutable(executable, "executable");
        Map<String, String> helperPaths = new LinkedHashMap<>();
        helpers.forEach((role, path) -> helperPaths.put(role, requireExecutable(path, role).toString()));
        String sha;
        try {
            sha = Sha256.of(exe);
        } catch (IOException e) {
            throw new EngineException("cannot read " + exe + ": " + e.getMessage(), e);
        }
        Optional<AkaiVersion> detected = Optional.empty();
        String note = "not probed";
        if (probe) {
            ProbeResult result = probe(exe);
            detected = result.version();
            note = result.note();
            if (detected.isPresent() && detected.get() != declared
                    && !(declared == AkaiVersion.V2022_0721_CND && detected.get() == AkaiVersion.V2022_0721)) {
                throw new EngineException(exe + " prints the output of " + detected.get().id() + " but was declared as "
                        + declared.id() + "; register it with --version " + detected.get().id());
            }
        }
        Code code = store.addCode(new Code(name, exe.toString(), declared.id(), sha, helperPaths, Instant.now()));
        return new Registration(code, detected, note);
    }

    /**
     * Registers an executable that lives on a registered computer: it must exist there and be executable by the
     * remote user; its SHA-256 is computed there ({@code sha256sum} over the computer's transport). It is not
     * probed (that would be a job on the computer); {@code kkr4j computer test} checks it again later.
     *
     * @param opener opens the computer's transport (normally {@link ComputerSpec#openTransport()})
     */
    public Registration addRemote(String name, String computer, String remotePath, AkaiVersion declared,
                                  java.util.function.Function<ComputerSpec, Transport> opener) {
        requireName(name);
        Computer c = store.computer(computer).orElseThrow(() -> new EngineException("no computer named '" + computer
                + "' is registered; add one with: kkr4j computer add " + computer + " ..."));
        ComputerSpec spec = ComputerSettings.read(c);
        String sha;
        try (Transport t = opener.apply(spec)) {
            String problem = RemoteExecutable.problem(t, remotePath);
            if (problem != null) {
                throw new EngineException(problem);
            }
            sha = RemoteExecutable.sha256(t, remotePath);
        } catch (IOException e) {
            throw new EngineException("cannot reach computer '" + computer + "' to look at " + remotePath + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while looking at " + remotePath + " on " + computer, e);
        }
        Code code = store.addCode(new Code(name, remotePath, declared.id(), sha, Map.of(), Instant.now(), computer));
        return new Registration(code, Optional.empty(), "on computer " + computer + ", not probed");
    }

    private void requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new EngineException("code name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (store.code(name).isPresent()) {
            throw new EngineException("a code named '" + name + "' is already registered");
        }
    }

    private static Path requireExecutable(Path path, String role) {
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new EngineException(role + " " + abs + " does not exist or is not a file");
        }
        if (!Files.isExecutable(abs)) {
            throw new EngineException(role + " " + abs + " is not executable (chmod +x?)");
        }
        return abs;
    }

    private record ProbeResult(Optional<AkaiVersion> version, String note) {
    }

    /**
     * Runs the binary in an empty temporary directory with an empty card. specx prints its banner or date
     * before it reads the card; the log parser's dialect detection tells the version from that when the
     * text carries the markers, and says nothing otherwise.
     */
    private ProbeResult probe(Path exe) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kkr4j-probe");
            Path out = dir.resolve("stdout");
            Process p = new ProcessBuilder(exe.toString()).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(probeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new ProbeResult(Optional.empty(), "probe did not end within " + probeTimeout.toSeconds()
                        + " s; version not checked");
            }
            byte[] text = Files.readAllBytes(out);
            if (text.length == 0) {
                return new ProbeResult(Optional.empty(), "probe printed nothing; version not checked");
            }
            SpecxLog log = SpecxLogParser.parse(SourceText.of(exe + " (probe)", text));
            Optional<AkaiVersion> v = log.dialect().version();
            return new ProbeResult(v, v.map(x -> "probe output looks like " + x.id())
                    .orElse("probe output does not tell the version; version not checked"));
        } catch (IOException | KkrFormatException e) {
            return new ProbeResult(Optional.empty(), "probe failed (" + e.getMessage() + "); version not checked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while probing " + exe, e);
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }
        }
    }
}
