-- GreenTwin twin journal: the same schema on H2 (default) and PostgreSQL.
-- Every change is an event (append-only, keyed by a global sequence); snapshots every N events
-- per thing and at shutdown bound the replay for history reads and recovery.

CREATE TABLE twin_thing (
  thing_key INTEGER NOT NULL PRIMARY KEY,
  thing_id VARCHAR(256) NOT NULL UNIQUE
);

CREATE TABLE twin_event (
  seq BIGINT NOT NULL PRIMARY KEY,
  thing_key INTEGER NOT NULL,
  revision BIGINT NOT NULL,
  ts_ms BIGINT NOT NULL,
  kind SMALLINT NOT NULL,
  path VARCHAR(2048) NOT NULL,
  payload VARCHAR NOT NULL,
  originator VARCHAR(256) NOT NULL
);

-- An integer thing key keeps this index small: appends stay fast (docs/BENCHMARKS.md).
CREATE INDEX twin_event_thing_revision ON twin_event (thing_key, revision);

CREATE TABLE twin_snapshot (
  thing_key INTEGER NOT NULL,
  revision BIGINT NOT NULL,
  ts_ms BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  -- The thing as Ditto JSON with _revision/_created/_modified; NULL once deleted.
  state VARCHAR,
  PRIMARY KEY (thing_key, revision)
);

CREATE INDEX twin_snapshot_thing_time ON twin_snapshot (thing_key, ts_ms);
