package org.kkr4j.store.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kkr4j.store.ArchiveSummary;
import org.kkr4j.store.BlobStore;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.GcSummary;
import org.kkr4j.store.Link;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Node;
import org.kkr4j.store.NodeKind;
import org.kkr4j.store.NoSuchNodeException;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunCompletion;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunState;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.StaleStateException;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.StoreOptions;
import org.kkr4j.store.archive.ArchiveExporter;
import org.kkr4j.store.archive.ArchiveImporter;
import org.kkr4j.store.blob.PackBlobStore;
import org.kkr4j.store.blob.PackFile;
import org.kkr4j.store.blob.PackGarbageCollector;
import org.kkr4j.store.db.Database;
import org.kkr4j.store.db.Dialect;
import org.kkr4j.store.db.Hex;

/**
 * The store on SQLite or PostgreSQL. Every mutating method is one {@link Database#write} transaction that
 * also appends its event rows; state transitions lock the run row (PostgreSQL {@code FOR UPDATE}; SQLite's
 * writer holds the database write lock) and update it with a compare-and-set on the state.
 */
public final class SqlStore implements Store {

    public static final String RUN_TYPE = "specx.run";
    public static final String CARD_TYPE = "akaikkr.card";
    public static final String FILE_TYPE = "file";
    public static final String RETRIEVED_TYPE = "akaikkr.retrieved";
    public static final String CARD_PATH = "inputcard";
    public static final String RETRIEVED_LABEL = "retrieved";
    public static final String CALL_LABEL = "call";

    private static final Set<RunState> ACTIVE = EnumSet.of(RunState.QUEUED, RunState.LAUNCHING, RunState.RUNNING);
    private static final Set<RunState> STARTED = EnumSet.of(RunState.LAUNCHING, RunState.RUNNING);

    private final Database db;
    private final Dialect dialect;
    private final PackBlobStore blobs;
    private final StoreOptions options;
    private final Graph graph;
    private final RunRows runRows;
    private final String target;

    private SqlStore(Database db, PackBlobStore blobs, StoreOptions options, String target) {
        this.db = db;
        this.dialect = db.dialect();
        this.blobs = blobs;
        this.options = options;
        this.graph = new Graph(dialect, db.description());
        this.runRows = new RunRows(dialect);
        this.target = target;
    }

    public static SqlStore open(StoreLocation location, StoreOptions options) {
        return open(location, options, PackFile.CHANNELS);
    }

    /** With a chosen way to open pack files for writing (tests make it fail like a full disk). */
    public static SqlStore open(StoreLocation location, StoreOptions options, PackFile.Opener packs) {
        Database db = Database.open(location, options);
        try {
            PackBlobStore blobs = new PackBlobStore(location.home().resolve(PackBlobStore.DIRECTORY), db,
                    options.packRollBytes(), packs);
            String target = db.sqliteFile() != null ? db.sqliteFile().toString() : Database.withoutPassword(location.jdbcUrl());
            return new SqlStore(db, blobs, options, target);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Database database() {
        return db;
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    // --- codes ---

    @Override
    public Code addCode(Code code) {
        if (code.name() == null || code.name().isBlank()) {
            throw new IllegalArgumentException("a code needs a name");
        }
        byte[] sha = Hex.sha256Bytes(code.sha256(), "SHA-256 of code " + code.name());
        Instant registered = Instant.ofEpochMilli((code.registered() == null ? Instant.now() : code.registered()).toEpochMilli());
        String helpers = Json.object(code.helpers());
        return db.write("registering code " + code.name(), c -> {
            Optional<Code> existing = code(c, code.name());
            if (existing.isPresent()) {
                throw new StoreException("a code named '" + code.name() + "' is already registered ("
                        + existing.get().path() + ", " + existing.get().version() + ")");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO code (name, path, version, sha256, helpers, registered, computer) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, code.name());
                s.setString(2, code.path());
                s.setString(3, code.version());
                s.setBytes(4, sha);
                s.setString(5, helpers);
                s.setLong(6, registered.toEpochMilli());
                s.setString(7, code.computer());
                s.executeUpdate();
            }
            return new Code(code.name(), code.path(), code.version(), Hex.of(sha), code.helpers(), registered,
                    code.computer());
        });
    }

    @Override
    public Optional<Code> code(String name) {
        return db.read("looking up code " + name, c -> code(c, name));
    }

    public static final String CODE_COLUMNS = "name, path, version, sha256, helpers, registered, computer";

    private Optional<Code> code(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + CODE_COLUMNS + " FROM code WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(code(rows)) : Optional.empty();
            }
        }
    }

    public static Code code(ResultSet rows) throws SQLException {
        Map<String, String> helpers = Json.stringMap(rows.getString(5), "helpers of code " + rows.getString(1));
        return new Code(rows.getString(1), rows.getString(2), rows.getString(3), Hex.of(rows.getBytes(4)), helpers,
                Instant.ofEpochMilli(rows.getLong(6)), rows.getString(7));
    }

    @Override
    public Computer addComputer(Computer computer) {
        Json.requireObject(computer.settingsJson(), "settings of computer " + computer.name());
        Instant registered = Instant.ofEpochMilli((computer.registered() == null ? Instant.now()
                : computer.registered()).toEpochMilli());
        return db.write("registering computer " + computer.name(), c -> {
            if (computer(c, computer.name()).isPresent()) {
                throw new StoreException("a computer named '" + computer.name() + "' is already registered");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO computer (name, settings, registered) VALUES (?, ?, ?)")) {
                s.setString(1, computer.name());
                s.setString(2, computer.settingsJson());
                s.setLong(3, registered.toEpochMilli());
                s.executeUpdate();
            }
            return new Computer(computer.name(), computer.settingsJson(), registered);
        });
    }

    @Override
    public Optional<Computer> computer(String name) {
        return db.read("looking up computer " + name, c -> computer(c, name));
    }

    private static Optional<Computer> computer(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, settings, registered FROM computer WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new Computer(rows.getString(1), rows.getString(2),
                        Instant.ofEpochMilli(rows.getLong(3)))) : Optional.empty();
            }
        }
    }

    @Override
    public List<Computer> computers() {
        return db.read("listing computers", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, settings, registered FROM computer ORDER BY name");
                 ResultSet rows = s.executeQuery()) {
                List<Computer> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(new Computer(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))));
                }
                return out;
            }
        });
    }

    @Override
    public void recordRemoteJob(RemoteJob job) {
        db.write("recording the remote job of run " + job.runId(), c -> {
            boolean exists;
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM remote_job WHERE run = ?")) {
                s.setLong(1, job.runId());
                try (ResultSet rows = s.executeQuery()) {
                    exists = rows.next();
                }
            }
            String sql = exists ? "UPDATE remote_job SET computer = ?, remote_dir = ?, job_id = ?, submitted = ? WHERE run = ?"
                    : "INSERT INTO remote_job (computer, remote_dir, job_id, submitted, run) VALUES (?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, job.computer());
                s.setString(2, job.remoteDir());
                s.setString(3, job.jobId());
                s.setLong(4, (job.submitted() == null ? Instant.now() : job.submitted()).toEpochMilli());
                s.setLong(5, job.runId());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<RemoteJob> remoteJob(long runId) {
        return db.read("looking up the remote job of run " + runId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT computer, remote_dir, job_id, submitted FROM remote_job WHERE run = ?")) {
                s.setLong(1, runId);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(new RemoteJob(runId, rows.getString(1), rows.getString(2),
                            rows.getString(3), Instant.ofEpochMilli(rows.getLong(4)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Code> codes() {
        return db.read("listing codes", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CODE_COLUMNS + " FROM code ORDER BY name");
                 ResultSet rows = s.executeQuery()) {
                List<Code> codes = new ArrayList<>();
                while (rows.next()) {
                    codes.add(code(rows));
                }
                return codes;
            }
        });
    }

    // --- runs ---

    @Override
    public Run submit(RunSubmission submission) {
        Submission valid = Submission.check(submission);
        return db.write("submitting a run of " + submission.codeName(), c -> {
            long now = System.currentTimeMillis();
            long runId = createRunNodes(c, valid, now);
            insertRunRow(c, runId, valid, RunState.QUEUED, null, null, null, now);
            graph.insertEvent(c, runId, null, RunState.QUEUED.name(), "submitted", null, now);
            return loadRun(c, runId);
        });
    }

    @Override
    public Run submitCached(RunSubmission submission, Run source) {
        Submission valid = Submission.check(submission);
        return db.write("recording a cache hit of " + submission.codeName(), c -> {
            Run answering = loadRun(c, source.nodeId());
            if (answering.cachedFrom() != null) {
                answering = loadRun(c, answering.cachedFrom());
            }
            if (answering.state() != RunState.DONE || answering.outcome() == null || !answering.outcome().cacheable()) {
                throw new StoreException("run " + answering.nodeId() + " cannot answer from the cache: it is "
                        + answering.state() + (answering.outcome() == null ? "" : "/" + answering.outcome()));
            }
            long now = System.currentTimeMillis();
            long runId = createRunNodes(c, valid, now);
            insertRunRow(c, runId, valid, RunState.DONE, answering.outcome(), answering.nodeId(), answering.exitCode(), now);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO run_result (node, " + RunRows.RESULT_COLUMNS
                    + ") SELECT ?, " + RunRows.RESULT_COLUMNS + " FROM run_result WHERE node = ?")) {
                s.setLong(1, runId);
                s.setLong(2, answering.nodeId());
                s.executeUpdate();
            }
            graph.insertEvent(c, runId, null, RunState.DONE.name(), "answered from the cache by run " + answering.nodeId(),
                    Json.object(Map.of("cachedFrom", answering.uuid())), now);
            return loadRun(c, runId);
        });
    }

    private long createRunNodes(Connection c, Submission s, long now) throws SQLException {
        RunSubmission sub = s.submission();
        requireCode(c, sub.codeName());
        long calc = graph.insertNode(c, UUID.randomUUID(), NodeKind.CALCULATION, RUN_TYPE, sub.label(), now, null);
        long card = graph.insertNode(c, UUID.randomUUID(), NodeKind.DATA, CARD_TYPE, null, now, null);
        graph.insertFile(c, card, CARD_PATH, sub.card());
        graph.insertLink(c, card, calc, LinkType.INPUT_CALC, CARD_PATH);
        graph.insertFile(c, calc, CARD_PATH, sub.card());
        for (RunSubmission.InputFile input : sub.inputs()) {
            long source;
            if (input.sourceNodeId() != null) {
                source = input.sourceNodeId();
                graph.requireKind(c, source, NodeKind.DATA, "source of input " + input.path());
                if (!graph.nodeHoldsBlob(c, source, input.blob().sha256())) {
                    throw new StoreException("data node " + source + " holds no file with blob " + input.blob().sha256()
                            + " (input " + input.path() + ")");
                }
            } else {
                source = graph.insertNode(c, UUID.randomUUID(), NodeKind.DATA, FILE_TYPE, null, now, null);
                graph.insertFile(c, source, input.path(), input.blob());
            }
            graph.insertLink(c, source, calc, LinkType.INPUT_CALC, input.path());
            graph.insertFile(c, calc, input.path(), input.blob());
        }
        if (sub.workflowId() != null) {
            graph.requireKind(c, sub.workflowId(), NodeKind.WORKFLOW, "calling workflow");
            graph.insertLink(c, sub.workflowId(), calc, LinkType.CALL_CALC, CALL_LABEL);
        }
        return calc;
    }

    private void requireCode(Connection c, String name) throws SQLException {
        if (code(c, name).isEmpty()) {
            throw new StoreException("no code named '" + name + "' is registered (kkr4j code add " + name + " --path ...)");
        }
    }

    private void insertRunRow(Connection c, long runId, Submission valid, RunState state, Outcome outcome, Long cachedFrom,
                              Integer exitCode, long now) throws SQLException {
        RunSubmission sub = valid.submission();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run (node, code_name, code_sha256, state, outcome, "
                + "cache_key, cached_from, threads, wall_limit_s, work_dir, pid, pid_start_ticks, exit_code, started, "
                + "finished, cancel_requested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 0, ?, NULL, ?, ?)")) {
            s.setLong(1, runId);
            s.setString(2, sub.codeName());
            s.setBytes(3, valid.codeSha256());
            s.setString(4, state.name());
            s.setString(5, outcome == null ? null : outcome.name());
            s.setBytes(6, valid.cacheKey());
            if (cachedFrom == null) {
                s.setNull(7, java.sql.Types.BIGINT);
            } else {
                s.setLong(7, cachedFrom);
            }
            s.setInt(8, sub.threads());
            s.setLong(9, sub.wallLimitSeconds());
            if (exitCode == null) {
                s.setNull(10, java.sql.Types.INTEGER);
            } else {
                s.setInt(10, exitCode);
            }
            if (state == RunState.DONE) {
                s.setLong(11, now);
            } else {
                s.setNull(11, java.sql.Types.BIGINT);
            }
            s.setBoolean(12, false);
            s.executeUpdate();
        }
    }

    @Override
    public Optional<Run> findCacheSource(String cacheKey) {
        byte[] key = Hex.sha256Bytes(cacheKey, "cache key");
        StringBuilder cacheable = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            if (outcome.cacheable()) {
                cacheable.append(cacheable.isEmpty() ? "'" : ", '").append(outcome.name()).append('\'');
            }
        }
        return db.read("looking up the cache", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT node FROM run WHERE cache_key = ? AND state = 'DONE' "
                    + "AND cached_from IS NULL AND outcome IN (" + cacheable + ") ORDER BY node DESC LIMIT 1")) {
                s.setBytes(1, key);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? runRows.load(c, rows.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** State and cancel flag of a run, locked for the rest of the transaction. */
    private record Locked(RunState state, boolean cancelRequested) {
    }

    private Locked lock(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state, cancel_requested FROM run WHERE node = ?" + dialect.lockRow())) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchNodeException("a run", runId, db.description());
                }
                return new Locked(RunState.valueOf(rows.getString(1)), rows.getBoolean(2));
            }
        }
    }

    /** The compare-and-set: fails when the state changed since it was read. */
    private void transition(Connection c, long runId, RunState from, RunState to, String assignments, Object... values)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE run SET state = ?" + assignments + " WHERE node = ? AND state = ?")) {
            int i = 1;
            s.setString(i++, to.name());
            for (Object value : values) {
                if (value == null) {
                    s.setNull(i++, java.sql.Types.BIGINT);
                } else if (value instanceof Boolean b) {
                    s.setBoolean(i++, b);
                } else {
                    s.setObject(i++, value);
                }
            }
            s.setLong(i++, runId);
            s.setString(i, from.name());
            if (s.executeUpdate() != 1) {
                throw new StaleStateException(runId, from, lock(c, runId).state());
            }
        }
    }

    @Override
    public Run markLaunching(long runId, String workDir) {
        if (workDir == null || workDir.isBlank()) {
            throw new IllegalArgumentException("markLaunching needs the staged work directory");
        }
        return db.write("marking run " + runId + " launching", c -> {
            Locked locked = lock(c, runId);
            if (locked.state() != RunState.QUEUED) {
                throw new StaleStateException(runId, RunState.QUEUED, locked.state());
            }
            long now = System.currentTimeMillis();
            transition(c, runId, RunState.QUEUED, RunState.LAUNCHING, ", work_dir = ?", workDir);
            graph.insertEvent(c, runId, RunState.QUEUED.name(), RunState.LAUNCHING.name(), "work directory staged", null, now);
            return loadRun(c, runId);
        });
    }

    @Override
    public Run markRunning(long runId, long pid, long pidStartTicks, String reason) {
        if (pid < 0) {
            throw new IllegalArgumentException("markRunning needs the process id (0 for a batch job on a computer, "
                    + "recorded as its remote job), got " + pid);
        }
        return db.write("marking run " + runId + " running", c -> {
            Locked locked = lock(c, runId);
            if (locked.state() != RunState.LAUNCHING) {
                throw new StaleStateException(runId, RunState.LAUNCHING, locked.state());
            }
            long now = System.currentTimeMillis();
            transition(c, runId, RunState.LAUNCHING, RunState.RUNNING, ", pid = ?, pid_start_ticks = ?, started = ?",
                    pid, pidStartTicks, now);
            graph.insertEvent(c, runId, RunState.LAUNCHING.name(), RunState.RUNNING.name(),
                    reason == null ? "process " + pid + " started" : reason, null, now);
            return loadRun(c, runId);
        });
    }

    @Override
    public Run requeue(long runId, String reason) {
        return db.write("requeueing run " + runId, c -> {
            Locked locked = lock(c, runId);
            if (!STARTED.contains(locked.state())) {
                throw new StaleStateException(runId, STARTED, locked.state(), "requeue");
            }
            long now = System.currentTimeMillis();
            String why = reason == null ? "requeued: the process never started" : reason;
            if (locked.cancelRequested()) {
                transition(c, runId, locked.state(), RunState.DONE, ", outcome = ?, finished = ?", Outcome.CANCELLED.name(), now);
                graph.insertEvent(c, runId, locked.state().name(), RunState.DONE.name(),
                        why + "; cancelled as requested instead of requeued", null, now);
            } else {
                transition(c, runId, locked.state(), RunState.QUEUED,
                        ", work_dir = NULL, pid = 0, pid_start_ticks = 0, started = NULL");
                graph.insertEvent(c, runId, locked.state().name(), RunState.QUEUED.name(), why, null, now);
            }
            return loadRun(c, runId);
        });
    }

    @Override
    public Run complete(long runId, RunCompletion completion) {
        if (completion.outcome() == null) {
            throw new IllegalArgumentException("a completion needs an outcome");
        }
        List<String> paths = new ArrayList<>();
        for (FileEntry output : completion.outputs()) {
            paths.add(FilePaths.requireRelative(output.path(), "output of run " + runId));
        }
        FilePaths.requireUnique(paths, "outputs of run " + runId);
        String detail = Json.requireObject(completion.detailJson(), "completion detail of run " + runId);
        return db.write("completing run " + runId, c -> {
            Locked locked = lock(c, runId);
            if (locked.state() == RunState.DONE) {
                throw new StaleStateException(runId, ACTIVE, RunState.DONE, "complete");
            }
            long now = System.currentTimeMillis();
            if (!completion.outputs().isEmpty()) {
                long out = graph.insertNode(c, UUID.randomUUID(), NodeKind.DATA, RETRIEVED_TYPE, null, now, null);
                graph.insertLink(c, runId, out, LinkType.CREATE, RETRIEVED_LABEL);
                for (FileEntry output : completion.outputs()) {
                    graph.insertFile(c, out, output.path(), output.blob());
                }
            }
            RunRows.insertResult(c, runId, completion.result());
            transition(c, runId, locked.state(), RunState.DONE, ", outcome = ?, exit_code = ?, finished = ?",
                    completion.outcome().name(), completion.exitCode(), now);
            graph.insertEvent(c, runId, locked.state().name(), RunState.DONE.name(),
                    completion.reason() == null ? "finished: " + completion.outcome() : completion.reason(), detail, now);
            return loadRun(c, runId);
        });
    }

    @Override
    public Run requestCancel(long runId, String reason) {
        return db.write("cancelling run " + runId, c -> {
            Locked locked = lock(c, runId);
            long now = System.currentTimeMillis();
            String why = reason == null ? "cancel requested" : reason;
            switch (locked.state()) {
                case DONE -> throw new StaleStateException(runId, ACTIVE, RunState.DONE, "cancel");
                case QUEUED -> {
                    transition(c, runId, RunState.QUEUED, RunState.DONE,
                            ", outcome = ?, finished = ?, cancel_requested = ?", Outcome.CANCELLED.name(), now, true);
                    graph.insertEvent(c, runId, RunState.QUEUED.name(), RunState.DONE.name(), why, null, now);
                }
                case LAUNCHING, RUNNING -> {
                    if (!locked.cancelRequested()) {
                        transition(c, runId, locked.state(), locked.state(), ", cancel_requested = ?", true);
                        graph.insertEvent(c, runId, locked.state().name(), locked.state().name(), why,
                                "{\"cancelRequested\":true}", now);
                    }
                }
                default -> throw new IllegalStateException("unknown state " + locked.state());
            }
            return loadRun(c, runId);
        });
    }

    @Override
    public Optional<Node> outputNode(long runId) {
        return db.read("finding the outputs of run " + runId, c -> {
            Run run = loadRun(c, runId);
            long creator = run.cachedFrom() != null ? run.cachedFrom() : runId;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT dst FROM link WHERE src = ? AND type = ? AND label = ? ORDER BY dst LIMIT 1")) {
                s.setLong(1, creator);
                s.setString(2, LinkType.CREATE.dbName());
                s.setString(3, RETRIEVED_LABEL);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(graph.node(c, rows.getLong(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<FileEntry> inputs(long runId) {
        return db.read("listing the inputs of run " + runId, c -> {
            loadRun(c, runId);
            return graph.files(c, runId);
        });
    }

    private Run loadRun(Connection c, long runId) throws SQLException {
        return runRows.load(c, runId).orElseThrow(() -> new NoSuchNodeException("a run", runId, db.description()));
    }

    @Override
    public Optional<Run> run(long runId) {
        return db.read("reading run " + runId, c -> runRows.load(c, runId));
    }

    @Override
    public Optional<Run> findRun(String idOrUuid) {
        String text = idOrUuid == null ? "" : idOrUuid.trim();
        if (text.matches("\\d{1,18}")) {
            return run(Long.parseLong(text));
        }
        String hex = text.replace("-", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{6,32}")) {
            return Optional.empty();
        }
        UUID low = uuidOf(hex + "0".repeat(32 - hex.length()));
        UUID high = uuidOf(hex + "f".repeat(32 - hex.length()));
        return db.read("finding run " + text, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT n.id FROM node n JOIN run r ON r.node = n.id "
                    + "WHERE n.uuid >= ? AND n.uuid <= ? ORDER BY n.id LIMIT 2")) {
                dialect.setUuid(s, 1, low);
                dialect.setUuid(s, 2, high);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.size() > 1) {
                throw new StoreException("uuid prefix '" + text + "' matches several runs (" + ids.get(0) + ", "
                        + ids.get(1) + ", ...): give more characters");
            }
            return ids.isEmpty() ? Optional.<Run>empty() : runRows.load(c, ids.get(0));
        });
    }

    private static UUID uuidOf(String hex32) {
        return new UUID(Long.parseUnsignedLong(hex32.substring(0, 16), 16), Long.parseUnsignedLong(hex32.substring(16), 16));
    }

    @Override
    public List<Run> runs(RunQuery query) {
        StringBuilder sql = new StringBuilder(RunRows.SELECT).append("WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (query.states() != null && !query.states().isEmpty()) {
            sql.append(" AND r.state IN (");
            int i = 0;
            for (RunState state : query.states()) {
                sql.append(i++ == 0 ? "?" : ", ?");
                values.add(state.name());
            }
            sql.append(')');
        }
        if (query.codeName() != null && !query.codeName().isEmpty()) {
            sql.append(" AND r.code_name = ?");
            values.add(query.codeName());
        }
        sql.append(query.oldestFirst() ? " ORDER BY r.node ASC" : " ORDER BY r.node DESC");
        if (query.limit() > 0) {
            sql.append(" LIMIT ").append(query.limit());
        }
        return db.read("listing runs", c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    s.setString(i + 1, values.get(i));
                }
                try (ResultSet rows = s.executeQuery()) {
                    List<Run> runs = new ArrayList<>();
                    while (rows.next()) {
                        runs.add(runRows.run(rows));
                    }
                    return runs;
                }
            }
        });
    }

    @Override
    public long countRuns(RunState state) {
        return db.read("counting runs", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM run WHERE state = ?")) {
                s.setString(1, state.name());
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    // --- graph ---

    @Override
    public Node node(long nodeId) {
        return db.read("reading node " + nodeId, c -> graph.node(c, nodeId));
    }

    @Override
    public List<Link> incoming(long nodeId) {
        return db.read("reading links into node " + nodeId, c -> graph.links(c, nodeId, true));
    }

    @Override
    public List<Link> outgoing(long nodeId) {
        return db.read("reading links out of node " + nodeId, c -> graph.links(c, nodeId, false));
    }

    @Override
    public List<FileEntry> files(long dataNodeId) {
        return db.read("listing the files of node " + dataNodeId, c -> graph.files(c, dataNodeId));
    }

    @Override
    public Link addLink(long sourceId, long targetId, LinkType type, String label) {
        String text = label == null ? "" : label;
        return db.write("linking node " + sourceId + " to " + targetId, c -> {
            Node source = graph.node(c, sourceId);
            Node target = graph.node(c, targetId);
            NodeKind[] allowed = switch (type) {
                case INPUT_CALC -> new NodeKind[] {NodeKind.DATA, NodeKind.CALCULATION};
                case INPUT_WORK -> new NodeKind[] {NodeKind.DATA, NodeKind.WORKFLOW};
                case CREATE -> new NodeKind[] {NodeKind.CALCULATION, NodeKind.DATA};
                case RETURN -> new NodeKind[] {NodeKind.WORKFLOW, NodeKind.DATA};
                case CALL_CALC -> new NodeKind[] {NodeKind.WORKFLOW, NodeKind.CALCULATION};
                case CALL_WORK -> new NodeKind[] {NodeKind.WORKFLOW, NodeKind.WORKFLOW};
            };
            if (source.kind() != allowed[0] || target.kind() != allowed[1]) {
                throw new StoreException("a " + type.dbName() + " link goes from a " + allowed[0] + " node to a "
                        + allowed[1] + " node, not from " + source.kind() + " " + sourceId + " to " + target.kind() + " " + targetId);
            }
            if (type == LinkType.CREATE) {
                for (Link link : graph.links(c, targetId, true)) {
                    if (link.type() == LinkType.CREATE && link.sourceId() != sourceId) {
                        throw new StoreException("data node " + targetId + " was already created by node " + link.sourceId());
                    }
                }
            }
            graph.insertLink(c, sourceId, targetId, type, text);
            return new Link(sourceId, targetId, type, text);
        });
    }

    @Override
    public Node createWorkflow(String type, String label, String attrsJson) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a workflow needs a type");
        }
        String attrs = Json.requireObject(attrsJson, "workflow attributes");
        return db.write("creating a workflow", c -> {
            long now = System.currentTimeMillis();
            long id = graph.insertNode(c, UUID.randomUUID(), NodeKind.WORKFLOW, type, label, now, attrs);
            graph.insertEvent(c, id, null, "CREATED", "workflow created", null, now);
            return graph.node(c, id);
        });
    }

    @Override
    public Event appendEvent(long nodeId, String fromState, String toState, String reason, String detailJson) {
        if (toState == null || toState.isBlank() || reason == null) {
            throw new IllegalArgumentException("an event needs a new state and a reason");
        }
        String detail = Json.requireObject(detailJson, "event detail");
        return db.write("appending an event to node " + nodeId, c -> {
            graph.node(c, nodeId);
            return graph.insertEvent(c, nodeId, fromState, toState, reason, detail, System.currentTimeMillis());
        });
    }

    @Override
    public List<Event> events(long nodeId) {
        return db.read("reading the events of node " + nodeId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + Graph.EVENT_COLUMNS + " FROM event WHERE node = ? ORDER BY seq")) {
                s.setLong(1, nodeId);
                return graph.events(s);
            }
        });
    }

    @Override
    public List<Event> eventsSince(long afterSeq, int limit) {
        return db.read("reading events", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + Graph.EVENT_COLUMNS + " FROM event WHERE seq > ? "
                    + "ORDER BY seq" + (limit > 0 ? " LIMIT " + limit : ""))) {
                s.setLong(1, afterSeq);
                return graph.events(s);
            }
        });
    }

    // --- archives and maintenance ---

    @Override
    public ArchiveSummary export(Collection<Long> runIds, Path target) {
        return new ArchiveExporter(db, graph, blobs).export(runIds, target);
    }

    @Override
    public ArchiveSummary importArchive(Path source) {
        return new ArchiveImporter(db, graph, blobs).importArchive(source);
    }

    @Override
    public GcSummary gc() {
        return gc(options.gcMinBlobAge());
    }

    @Override
    public GcSummary gc(Duration minBlobAge) {
        return new PackGarbageCollector(blobs).collect(minBlobAge);
    }

    @Override
    public long metadataBytes() {
        return db.metadataBytes();
    }

    @Override
    public String describe() {
        return target;
    }

    @Override
    public void close() {
        db.close();
    }

    /** A submission whose fields were checked before the transaction starts. */
    private record Submission(RunSubmission submission, byte[] codeSha256, byte[] cacheKey) {
        static Submission check(RunSubmission s) {
            if (s.codeName() == null || s.codeName().isBlank()) {
                throw new IllegalArgumentException("a run needs a code name");
            }
            if (s.card() == null) {
                throw new IllegalArgumentException("a run needs a card");
            }
            if (s.threads() < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + s.threads());
            }
            if (s.wallLimitSeconds() < 0) {
                throw new IllegalArgumentException("negative wall-clock limit: " + s.wallLimitSeconds());
            }
            List<String> paths = new ArrayList<>();
            paths.add(CARD_PATH);
            for (RunSubmission.InputFile input : s.inputs()) {
                if (input.blob() == null) {
                    throw new IllegalArgumentException("input " + input.path() + " has no blob");
                }
                paths.add(FilePaths.requireRelative(input.path(), "input file"));
            }
            FilePaths.requireUnique(paths, "inputs of the run (the card is staged as " + CARD_PATH + ")");
            byte[] key = s.cacheKey() == null ? null : Hex.sha256Bytes(s.cacheKey(), "cache key");
            return new Submission(s, Hex.sha256Bytes(s.codeSha256(), "code SHA-256"), key);
        }
    }
}
