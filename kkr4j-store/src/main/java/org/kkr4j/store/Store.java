package org.kkr4j.store;

import java.util.List;
import java.util.Optional;

/**
 * The provenance store: nodes, links, an append-only event log, typed run results and a blob store.
 * Every method that changes anything does it in one transaction and appends its events in it, so a
 * crash leaves either the whole change or none of it.
 */
public interface Store extends AutoCloseable {

    BlobStore blobs();

    // --- codes ---
    /** @throws StoreException if the name is taken */
    Code addCode(Code code);

    Optional<Code> code(String name);

    /** Registers a remote computer; a name already used is refused. */
    Computer addComputer(Computer computer);

    Optional<Computer> computer(String name);

    List<Computer> computers();

    /** Records (or updates: the job id once submitted) where a run lives on its computer. */
    void recordRemoteJob(RemoteJob job);

    Optional<RemoteJob> remoteJob(long runId);

    List<Code> codes();

    // --- runs ---
    /** Creates the calculation node (QUEUED), its input data nodes and links, and the first event. */
    Run submit(RunSubmission submission);

    /**
     * Creates a calculation node that is DONE at once, answered by {@code source} (same outcome and
     * results, {@code cachedFrom} set; its outputs are the source's output nodes). No process runs.
     */
    Run submitCached(RunSubmission submission, Run source);

    /** The newest DONE run with this cache key and a cacheable outcome, not itself a cache hit. */
    Optional<Run> findCacheSource(String cacheKey);

    /** QUEUED → LAUNCHING with the staged work directory. @throws StaleStateException if not QUEUED */
    Run markLaunching(long runId, String workDir);

    /**
     * LAUNCHING → RUNNING with the process seen (pid 0: a batch job on a computer, see {@link #remoteJob}).
     * @throws StaleStateException if not LAUNCHING
     */
    Run markRunning(long runId, long pid, long pidStartTicks, String reason);

    /**
     * LAUNCHING/RUNNING → QUEUED (the process never started; safe to launch again). A run whose cancel was
     * requested meanwhile goes to DONE/CANCELLED instead, so it is not launched after all.
     * @throws StaleStateException if QUEUED or DONE
     */
    Run requeue(long runId, String reason);

    /**
     * Any non-terminal → DONE with outputs, results and event, in one transaction. The outputs become the
     * files of ONE new data node ({@code akaikkr.retrieved}, linked CREATE with label {@code retrieved}),
     * none when there are no outputs. Every output blob must already be in the blob store.
     * @throws StaleStateException if already DONE (so a run is never completed twice)
     */
    Run complete(long runId, RunCompletion completion);

    /**
     * Records the cancel request (event); the engine acts on it. QUEUED runs become DONE/CANCELLED at once;
     * a second request for a LAUNCHING/RUNNING run changes nothing and adds no event.
     * @throws StaleStateException if the run is already DONE (there is nothing left to cancel)
     */
    Run requestCancel(long runId, String reason);

    /**
     * The data node holding a run's outputs (the {@code retrieved} node it created); for a cache hit, that
     * of the run that answered it (a data node has one creator, so a cache hit has no CREATE link of its
     * own). Empty when the run is not DONE or ended without outputs.
     */
    Optional<Node> outputNode(long runId);

    /** The file at {@code path} among a run's outputs (for a cache hit, its source's), if the run produced it. */
    default Optional<FileEntry> outputFile(long runId, String path) {
        return outputNode(runId).flatMap(node -> files(node.id()).stream().filter(f -> f.path().equals(path))
                .findFirst());
    }

    /** The files staged for a run at their work-directory paths, the card as {@code inputcard} included. */
    List<FileEntry> inputs(long runId);

    Optional<Run> run(long runId);

    /** By node id (decimal) or uuid or a unique uuid prefix (≥ 6 characters). */
    Optional<Run> findRun(String idOrUuid);

    List<Run> runs(RunQuery query);

    long countRuns(RunState state);

    // --- graph ---
    Node node(long nodeId);

    /** Links into (incoming) or out of (outgoing) a node. */
    List<Link> incoming(long nodeId);

    List<Link> outgoing(long nodeId);

    /** The files of a data node. */
    List<FileEntry> files(long dataNodeId);

    /**
     * Adds a provenance link, checked against AiiDA's rules (INPUT_CALC data→calculation, INPUT_WORK
     * data→workflow, CREATE calculation→data with at most one creator per data node, RETURN workflow→data,
     * CALL_CALC workflow→calculation, CALL_WORK workflow→workflow). Adding an existing link changes nothing.
     */
    Link addLink(long sourceId, long targetId, LinkType type, String label);

    /** A workflow node; its calls are linked when runs are submitted with its id. */
    Node createWorkflow(String type, String label, String attrsJson);

    /** Appends an event to any node (workflow decisions, notes) in its own transaction. */
    Event appendEvent(long nodeId, String fromState, String toState, String reason, String detailJson);

    /** Every event of a node in order. */
    List<Event> events(long nodeId);

    /** Events after {@code afterSeq}, in order (the global calculation order). */
    List<Event> eventsSince(long afterSeq, int limit);

    // --- archives and maintenance ---
    /**
     * Writes a self-contained archive of these runs: their nodes, every ancestor (input data, the runs
     * that created it, calling workflows), links, events, codes used and all blobs referenced.
     * {@code target} ending in {@code .zip} gives a zip file, otherwise a directory.
     */
    ArchiveSummary export(java.util.Collection<Long> runIds, java.nio.file.Path target);

    /** Imports an archive written by {@link #export}; nodes already present (same uuid) are kept, not duplicated. */
    ArchiveSummary importArchive(java.nio.file.Path source);

    /**
     * Deletes blobs no node references and rewrites packs that became mostly garbage. Blobs younger than
     * {@link StoreOptions#gcMinBlobAge()} are kept: they may belong to a run being submitted right now.
     */
    GcSummary gc();

    /** As {@link #gc()}, keeping unreferenced blobs younger than {@code minBlobAge}. */
    GcSummary gc(java.time.Duration minBlobAge);

    /**
     * Bytes of metadata (not blobs): SQLite, the database file plus WAL after a checkpoint; PostgreSQL,
     * the tables with indexes in the current schema.
     */
    long metadataBytes();

    /** Where this store is, for messages: the database file or the JDBC URL without password. */
    String describe();

    @Override
    void close();
}
