-- A checkpoint: every thing has a snapshot at or after its revision as of journal sequence `seq`.
-- Recovery and campus snapshots replay only the events after the newest checkpoint.
CREATE TABLE twin_checkpoint (
  seq BIGINT NOT NULL PRIMARY KEY,
  ts_ms BIGINT NOT NULL
);
