package org.kkr4j.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kkr4j.remote.scheduler.Resources;
import org.kkr4j.remote.scheduler.Scheduler;
import org.kkr4j.remote.transport.HostKeyPolicy;
import org.kkr4j.remote.transport.LocalTransport;
import org.kkr4j.remote.transport.SshSettings;
import org.kkr4j.remote.transport.SshTransport;
import org.kkr4j.remote.transport.Transport;

/**
 * A computer as the user registers it: how to reach it, its batch system, where runs live there, how politely to
 * use it, and the defaults of its jobs. Holds no secret: keys are file paths (or the SSH agent), never contents.
 *
 * @param name        the computer's label
 * @param transport   {@code local} or {@code ssh}
 * @param host        SSH host (an alias of {@code ~/.ssh/config} works); null for local
 * @param port        SSH port, 0 for the default (22 or the config's)
 * @param user        SSH user, null for the config's or the login name
 * @param keyFile     private key file, null for the agent and the config's
 * @param proxyJump   {@code user@host:port} of a jump host, null for none
 * @param scheduler   {@code direct}, {@code slurm}, {@code pbs} or {@code pjm}
 * @param workRoot    directory on the computer under which each run gets its own directory
 * @param maxQueued   most jobs of kkr4j in the computer's queue at once
 * @param pollSeconds seconds between two status queries (one query covers every job of the computer)
 * @param prepend     text put at the top of every job script (module loads, environment), may be empty
 * @param defaults    job defaults
 * @param packSize    runs per packed job; 0 or 1 for one job per run (settings stored before packing existed
 *                    read as 0)
 * @param packWorkers runs a packed job works on at the same time (0 reads as 1)
 * @param cleanup     what happens to a run's directory there once its files are stored (null, as in settings
 *                    stored before the policy existed, reads as {@link CleanupPolicy#ALWAYS})
 */
public record ComputerSpec(String name, String transport, String host, int port, String user, String keyFile,
                           String proxyJump, String scheduler, String workRoot, int maxQueued, int pollSeconds,
                           String prepend, JobDefaults defaults, int packSize, int packWorkers,
                           CleanupPolicy cleanup) {

    /** A computer whose run directories are removed once their files are stored. */
    public ComputerSpec(String name, String transport, String host, int port, String user, String keyFile,
                        String proxyJump, String scheduler, String workRoot, int maxQueued, int pollSeconds,
                        String prepend, JobDefaults defaults, int packSize, int packWorkers) {
        this(name, transport, host, port, user, keyFile, proxyJump, scheduler, workRoot, maxQueued, pollSeconds,
                prepend, defaults, packSize, packWorkers, CleanupPolicy.ALWAYS);
    }

    /** A computer that runs one job per run. */
    public ComputerSpec(String name, String transport, String host, int port, String user, String keyFile,
                        String proxyJump, String scheduler, String workRoot, int maxQueued, int pollSeconds,
                        String prepend, JobDefaults defaults) {
        this(name, transport, host, port, user, keyFile, proxyJump, scheduler, workRoot, maxQueued, pollSeconds,
                prepend, defaults, 0, 0);
    }

    /**
     * What every job of this computer asks for unless a run says otherwise.
     *
     * @param queue            queue, partition or PJM resource group; null for the default
     * @param account          account or group to charge; null for none
     * @param walltimeSeconds  elapsed-time limit of a job
     * @param nodes            nodes per job
     * @param mpiProcs         MPI processes per job
     * @param modules          environment modules to load
     */
    public record JobDefaults(String queue, String account, long walltimeSeconds, int nodes, int mpiProcs,
                              List<String> modules) {
        public JobDefaults {
            modules = modules == null ? List.of() : List.copyOf(modules);
            if (walltimeSeconds < 1) {
                throw new IllegalArgumentException("the walltime must be at least 1 second, got " + walltimeSeconds);
            }
            if (nodes < 1 || mpiProcs < 1) {
                throw new IllegalArgumentException("nodes and MPI processes must be at least 1");
            }
        }

        public static JobDefaults serial(long walltimeSeconds) {
            return new JobDefaults(null, null, walltimeSeconds, 1, 1, List.of());
        }
    }

    public ComputerSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("computer name '" + name + "': letters, digits, '.', '_' and '-' only,"
                    + " at most 64, starting with a letter or digit");
        }
        if (!transport.equals("local") && !transport.equals("ssh")) {
            throw new IllegalArgumentException("computer " + name + ": transport must be local or ssh, not '"
                    + transport + "'");
        }
        if (transport.equals("ssh") && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("computer " + name + ": an ssh computer needs --host");
        }
        Scheduler.forName(scheduler);
        if (workRoot == null || !(workRoot.startsWith("/") || workRoot.startsWith("~/"))) {
            throw new IllegalArgumentException("computer " + name + ": the work root must be absolute or start with"
                    + " ~/, got '" + workRoot + "'");
        }
        ShellQuoting.check("work root", workRoot);
        if (maxQueued < 1) {
            throw new IllegalArgumentException("computer " + name + ": --max-queued must be at least 1");
        }
        if (pollSeconds < 1) {
            throw new IllegalArgumentException("computer " + name + ": --poll must be at least 1 second");
        }
        prepend = prepend == null ? "" : prepend;
        Objects.requireNonNull(defaults, "defaults");
        if (packSize < 0) {
            throw new IllegalArgumentException("computer " + name + ": --pack must be 0 (no packing) or more, got "
                    + packSize);
        }
        if (packWorkers < 0) {
            throw new IllegalArgumentException("computer " + name + ": --pack-workers must be at least 1, got "
                    + packWorkers);
        }
        packWorkers = Math.max(packWorkers, 1);
        cleanup = cleanup == null ? CleanupPolicy.ALWAYS : cleanup;
    }

    /** The same computer packing up to {@code size} runs into one job, {@code workers} of them at a time. */
    public ComputerSpec withPacking(int size, int workers) {
        return new ComputerSpec(name, transport, host, port, user, keyFile, proxyJump, scheduler, workRoot, maxQueued,
                pollSeconds, prepend, defaults, size, workers, cleanup);
    }

    /** The same computer with other job defaults. */
    public ComputerSpec withDefaults(JobDefaults jobDefaults) {
        return new ComputerSpec(name, transport, host, port, user, keyFile, proxyJump, scheduler, workRoot, maxQueued,
                pollSeconds, prepend, jobDefaults, packSize, packWorkers, cleanup);
    }

    /** The same computer with another clean-up policy for its run directories. */
    public ComputerSpec withCleanup(CleanupPolicy policy) {
        return new ComputerSpec(name, transport, host, port, user, keyFile, proxyJump, scheduler, workRoot, maxQueued,
                pollSeconds, prepend, defaults, packSize, packWorkers, policy);
    }

    /** True when runs go several to a job. */
    public boolean packs() {
        return packSize > 1;
    }

    /** Opens this computer's transport (SSH connects lazily, on the first command). */
    public Transport openTransport() {
        if (transport.equals("local")) {
            return LocalTransport.forUserHome(name);
        }
        SshSettings s = SshSettings.forHost(name, host);
        if (port > 0) {
            s = s.withPort(port);
        }
        if (user != null) {
            s = s.withUser(user);
        }
        if (keyFile != null) {
            s = s.withIdentityFiles(List.of(Path.of(keyFile)));
        }
        if (proxyJump != null) {
            s = s.withProxyJump(proxyJump);
        }
        return new SshTransport(s);
    }

    /** The same with an explicit known_hosts file and policy (tests, first contact). */
    public Transport openTransport(Path knownHosts, HostKeyPolicy policy) {
        if (transport.equals("local")) {
            return openTransport();
        }
        return new SshTransport(((SshTransport) openTransport()).settings().withKnownHosts(knownHosts, policy));
    }

    public Scheduler openScheduler() {
        return Scheduler.forName(scheduler);
    }

    public Duration pollInterval() {
        return Duration.ofSeconds(pollSeconds);
    }

    /** The resources of one run with {@code ompThreads} OpenMP threads. */
    public Resources resources(int ompThreads) {
        Resources r = Resources.serial(defaults.walltimeSeconds()).withParallelism(defaults.nodes(),
                defaults.mpiProcs(), ompThreads);
        r = Optional.ofNullable(defaults.queue()).map(r::withQueue).orElse(r);
        return Optional.ofNullable(defaults.account()).map(r::withAccount).orElse(r);
    }

    /** The directory of run {@code uuid} on the computer. */
    public String runDirectory(String uuid) {
        return (workRoot.endsWith("/") ? workRoot : workRoot + "/") + uuid;
    }
}
