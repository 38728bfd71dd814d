-- Remote computers (issue 6). A code may live on a computer (null: this machine).
ALTER TABLE code ADD COLUMN computer TEXT;

-- settings are the remote module's JSON (transport, host, scheduler, work root, limits, defaults); never secrets
CREATE TABLE computer (
    name       TEXT    NOT NULL PRIMARY KEY,
    settings   TEXT    NOT NULL,
    registered INTEGER NOT NULL
);

-- the batch job of a run on a computer: looked up before any resubmission, polled, reconciled after a restart
CREATE TABLE remote_job (
    run        INTEGER NOT NULL PRIMARY KEY REFERENCES node (id),
    computer   TEXT    NOT NULL REFERENCES computer (name),
    remote_dir TEXT    NOT NULL,
    job_id     TEXT,
    submitted  INTEGER NOT NULL
);
CREATE INDEX remote_job_computer ON remote_job (computer);
