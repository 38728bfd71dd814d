-- Remote computers (issue 6). A code may live on a computer (null: this machine).
ALTER TABLE code ADD COLUMN computer text;

-- settings are the remote module's JSON (transport, host, scheduler, work root, limits, defaults); never secrets
CREATE TABLE computer (
    name       text   NOT NULL PRIMARY KEY,
    settings   text   NOT NULL,
    registered bigint NOT NULL
);

-- the batch job of a run on a computer: looked up before any resubmission, polled, reconciled after a restart
CREATE TABLE remote_job (
    run        bigint NOT NULL PRIMARY KEY REFERENCES node (id),
    computer   text   NOT NULL REFERENCES computer (name),
    remote_dir text   NOT NULL,
    job_id     text,
    submitted  bigint NOT NULL
);
CREATE INDEX remote_job_computer ON remote_job (computer);
