-- kkr4j provenance store, SQLite flavour. Same tables and columns as the PostgreSQL migration; times
-- are epoch milliseconds, SHA-256 digests 32 raw bytes, uuids 16 raw bytes. Per-run rows are kept
-- small (target < 2 KB of database per run): no duplicated columns, WITHOUT ROWID where the primary
-- key is the natural lookup, and no index that no query uses.

CREATE TABLE node (
    id    INTEGER PRIMARY KEY,
    uuid  BLOB    NOT NULL,
    kind  TEXT    NOT NULL CHECK (kind IN ('data', 'calc', 'work')),
    type  TEXT    NOT NULL,
    label TEXT,
    ctime INTEGER NOT NULL,
    attrs TEXT
);
CREATE UNIQUE INDEX node_uuid ON node (uuid);

CREATE TABLE link (
    src   INTEGER NOT NULL,
    dst   INTEGER NOT NULL,
    type  TEXT    NOT NULL CHECK (type IN ('input_calc', 'input_work', 'create', 'return', 'call_calc', 'call_work')),
    label TEXT    NOT NULL,
    PRIMARY KEY (src, dst, type, label)
) WITHOUT ROWID;
CREATE INDEX link_dst ON link (dst);

CREATE TABLE blob (
    sha256      BLOB    NOT NULL PRIMARY KEY,
    size        INTEGER NOT NULL,
    stored_size INTEGER NOT NULL,
    codec       TEXT    NOT NULL,
    pack        INTEGER NOT NULL,
    pack_offset INTEGER NOT NULL,
    created     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE node_file (
    node   INTEGER NOT NULL,
    path   TEXT    NOT NULL,
    sha256 BLOB    NOT NULL,
    size   INTEGER NOT NULL,
    PRIMARY KEY (node, path)
) WITHOUT ROWID;

CREATE TABLE code (
    name       TEXT    NOT NULL PRIMARY KEY,
    path       TEXT    NOT NULL,
    version    TEXT    NOT NULL,
    sha256     BLOB    NOT NULL,
    helpers    TEXT    NOT NULL,
    registered INTEGER NOT NULL
);

-- label and submission time of a run are those of its node (node.label, node.ctime)
CREATE TABLE run (
    node             INTEGER PRIMARY KEY,
    code_name        TEXT    NOT NULL,
    code_sha256      BLOB    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('QUEUED', 'LAUNCHING', 'RUNNING', 'DONE')),
    outcome          TEXT,
    cache_key        BLOB,
    cached_from      INTEGER,
    threads          INTEGER NOT NULL,
    wall_limit_s     INTEGER NOT NULL,
    work_dir         TEXT,
    pid              INTEGER NOT NULL,
    pid_start_ticks  INTEGER NOT NULL,
    exit_code        INTEGER,
    started          INTEGER,
    finished         INTEGER,
    cancel_requested INTEGER NOT NULL
);
CREATE INDEX run_cache_key ON run (cache_key) WHERE cache_key IS NOT NULL;
CREATE INDEX run_state ON run (state);

CREATE TABLE run_result (
    node                  INTEGER PRIMARY KEY,
    system                TEXT,
    lattice               TEXT,
    mode                  TEXT,
    ewidth_ry             REAL,
    converged             INTEGER,
    iterations            INTEGER,
    total_energy_ry       REAL,
    fermi_energy_ry       REAL,
    total_moment_mub      REAL,
    lattice_constant_bohr REAL,
    tc_k                  REAL,
    resistivity_uohm_cm   REAL,
    moments_json          TEXT
);

CREATE TABLE event (
    seq        INTEGER PRIMARY KEY,
    node       INTEGER NOT NULL,
    ts         INTEGER NOT NULL,
    from_state TEXT,
    to_state   TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    detail     TEXT
);
CREATE INDEX event_node ON event (node);
