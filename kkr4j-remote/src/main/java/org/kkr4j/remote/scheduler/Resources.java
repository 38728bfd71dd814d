package org.kkr4j.remote.scheduler;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a job asks of the batch system.
 *
 * @param nodes              number of nodes (at least 1)
 * @param mpiProcs           MPI processes in total over all nodes (at least 1)
 * @param ompThreads         OpenMP threads per MPI process (at least 1); exported as OMP_NUM_THREADS
 * @param walltimeSeconds    elapsed-time limit in seconds (at least 1)
 * @param queue              Slurm partition, PBS queue, or PJM resource group
 * @param account            Slurm account, PBS project (-A), or PJM group (-g)
 * @param memoryMegabytes    memory per node in MiB, where the scheduler supports it
 * @param parallelTasks      for a job that runs a list of tasks: how many run at the same time
 */
public record Resources(int nodes, int mpiProcs, int ompThreads, long walltimeSeconds, Optional<String> queue,
                        Optional<String> account, OptionalLong memoryMegabytes, int parallelTasks) {

    /** Queue, account and similar names go into directives unquoted, so they are restricted. */
    static final Pattern DIRECTIVE_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@+-]{0,127}");

    public Resources {
        positive("nodes", nodes);
        positive("mpiProcs", mpiProcs);
        positive("ompThreads", ompThreads);
        positive("parallelTasks", parallelTasks);
        if (walltimeSeconds < 1) {
            throw new InvalidJobSpecException("walltimeSeconds", "must be at least 1, was " + walltimeSeconds);
        }
        if (mpiProcs < nodes) {
            throw new InvalidJobSpecException("mpiProcs", mpiProcs + " MPI processes cannot fill " + nodes
                    + " nodes (at least one process per node)");
        }
        token("queue", queue);
        token("account", account);
        if (memoryMegabytes.isPresent() && memoryMegabytes.getAsLong() < 1) {
            throw new InvalidJobSpecException("memoryMegabytes", "must be positive, was "
                    + memoryMegabytes.getAsLong());
        }
    }

    /** One node, one process, one thread, the given walltime, no queue, account or memory. */
    public static Resources serial(long walltimeSeconds) {
        return new Resources(1, 1, 1, walltimeSeconds, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), 1);
    }

    public Resources withQueue(String q) {
        return new Resources(nodes, mpiProcs, ompThreads, walltimeSeconds, Optional.of(q), account,
                memoryMegabytes, parallelTasks);
    }

    public Resources withAccount(String a) {
        return new Resources(nodes, mpiProcs, ompThreads, walltimeSeconds, queue, Optional.of(a),
                memoryMegabytes, parallelTasks);
    }

    public Resources withParallelism(int nodes, int mpiProcs, int ompThreads) {
        return new Resources(nodes, mpiProcs, ompThreads, walltimeSeconds, queue, account, memoryMegabytes,
                parallelTasks);
    }

    public Resources withMemoryMegabytes(long mb) {
        return new Resources(nodes, mpiProcs, ompThreads, walltimeSeconds, queue, account, OptionalLong.of(mb),
                parallelTasks);
    }

    public Resources withParallelTasks(int n) {
        return new Resources(nodes, mpiProcs, ompThreads, walltimeSeconds, queue, account, memoryMegabytes, n);
    }

    /** MPI processes per node, rounded up (schedulers ask per node). */
    public int mpiProcsPerNode() {
        return (mpiProcs + nodes - 1) / nodes;
    }

    /** Walltime as H:MM:SS with unbounded hours (PBS, PJM), e.g. 72:00:00. */
    public String walltimeHms() {
        long h = walltimeSeconds / 3600;
        long m = (walltimeSeconds % 3600) / 60;
        long s = walltimeSeconds % 60;
        return String.format("%02d:%02d:%02d", h, m, s);
    }

    /** Walltime in Slurm's days-hours:minutes:seconds form, e.g. 1-00:00:00 or 02:30:00. */
    public String walltimeSlurm() {
        long d = walltimeSeconds / 86400;
        long rest = walltimeSeconds % 86400;
        String hms = String.format("%02d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
        return d > 0 ? d + "-" + hms : hms;
    }

    private static void positive(String field, int v) {
        if (v < 1) {
            throw new InvalidJobSpecException(field, "must be at least 1, was " + v);
        }
    }

    private static void token(String field, Optional<String> v) {
        if (v.isPresent() && !DIRECTIVE_TOKEN.matcher(v.get()).matches()) {
            throw new InvalidJobSpecException(field, "\"" + v.get() + "\" is not a plain name (letters, digits, "
                    + "_ . : @ + -, starting with a letter or digit)");
        }
    }
}
