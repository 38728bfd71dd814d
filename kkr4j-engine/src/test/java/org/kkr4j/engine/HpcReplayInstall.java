package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.remote.transport.SshTransport;
import org.kkr4j.remote.transport.UploadEntry;
import org.kkr4j.replay.ReplayLauncher;
import org.kkr4j.replay.ReplayMain;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;

/**
 * The replay executable installed on the test HPC computer of {@code .ci/hpc-start}, as a user installs a code
 * there: the remote user cannot read this machine's Maven repository and the work root exists only in the
 * servers' private mount namespace (no shared disk), so the replay's classes and jackson-core, the recordings of
 * the systems used and a launcher whose class path and recording root are those remote copies go up through SSH.
 * Only the JDK is taken from the shared system directories (as a cluster's module would provide it).
 */
final class HpcReplayInstall implements AutoCloseable {
    static final Path HEA = ReplayHarness.RECORDINGS.resolve("hea-3d");
    private static final Duration T = Duration.ofMinutes(2);

    final HpcSshSlurm hpc;
    /** The test's own connection for setup and checks; engines open their own. */
    final SshTransport setup;
    /** Remote directory holding the install and the computers' work roots. */
    final String base;

    private HpcReplayInstall(HpcSshSlurm hpc, SshTransport setup, String base) {
        this.hpc = hpc;
        this.setup = setup;
        this.base = base;
    }

    /** Installs the replay with the recordings of {@code systems} (hea-3d directory names). */
    static HpcReplayInstall install(Path local, String tag, List<String> systems) throws Exception {
        HpcSshSlurm hpc = HpcSshSlurm.require();
        String base = hpc.remoteHome() + "/" + tag + "-" + Long.toString(System.nanoTime(), 36);
        SshTransport setup = hpc.open(hpc.computer("setup", base, 1, 1, ""));
        List<UploadEntry> entries = new ArrayList<>();
        entries.add(new UploadEntry(codeSource(ReplayMain.class), "lib/replay"));
        entries.add(new UploadEntry(codeSource(com.fasterxml.jackson.core.JsonFactory.class), "lib/jackson-core.jar"));
        for (String system : systems) {
            entries.add(new UploadEntry(HEA.resolve(system), "recordings/hea-3d/" + system));
        }
        Path script = ReplayLauncher.writeLauncher(local.resolve("bin"), "replay",
                Path.of(System.getProperty("java.home")), base + "/lib/replay:" + base + "/lib/jackson-core.jar",
                List.of(Path.of(base + "/recordings")));
        entries.add(new UploadEntry(script, "bin/replay"));
        setup.upload(entries, base, T);
        assertThat(setup.run(List.of("test", "-x", base + "/bin/replay"), T).exitCode()).isZero();
        return new HpcReplayInstall(hpc, setup, base);
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    String launcher() {
        return base + "/bin/replay";
    }

    String workRoot(String computer) {
        return base + "/runs-" + computer;
    }

    /**
     * Registers computer {@code name} (work root {@code base/runs-NAME}, 10 queued jobs, the given poll interval
     * and walltime) and the replay on it as code {@code replay-NAME} (sha256 computed there). The launcher's
     * index cache goes to the remote side through the prepend text; {@code extraPrepend} adds more.
     */
    Code register(ReplayHarness h, String name, String extraPrepend, int pollSeconds, long walltimeSeconds,
                  int packSize, int packWorkers) {
        return register(h, name, "slurm", extraPrepend, pollSeconds, walltimeSeconds, packSize, packWorkers);
    }

    /** As {@link #register(ReplayHarness, String, String, int, long, int, int)} with another scheduler. */
    Code register(ReplayHarness h, String name, String scheduler, String extraPrepend, int pollSeconds,
                  long walltimeSeconds, int packSize, int packWorkers) {
        return register(h, spec(name, scheduler, extraPrepend, pollSeconds, walltimeSeconds)
                .withPacking(packSize, packWorkers));
    }

    /** The settings {@link #register} stores, for a test to change before registering. */
    ComputerSpec spec(String name, String scheduler, String extraPrepend, int pollSeconds, long walltimeSeconds) {
        return hpc.computer(name, scheduler, workRoot(name), 10, pollSeconds,
                "KKR4J_REPLAY_INDEX_CACHE=" + base + "/replay.index\nexport KKR4J_REPLAY_INDEX_CACHE\n" + extraPrepend,
                walltimeSeconds);
    }

    /** Registers the computer {@code spec} and the replay on it as code {@code replay-NAME}. */
    Code register(ReplayHarness h, ComputerSpec spec) {
        h.store.addComputer(new Computer(spec.name(), ComputerSettings.write(spec), Instant.now()));
        return new CodeRegistry(h.store, Duration.ofSeconds(20)).addRemote("replay-" + spec.name(), spec.name(),
                launcher(), AkaiVersion.CPA2002V010, hpc::open).code();
    }

    @Override
    public void close() throws Exception {
        // the recordings came with their read-only modes
        setup.run(List.of("chmod", "-R", "u+w", base), T);
        setup.removeTree(base, T);
        setup.close();
    }
}
