-- Appends stay sequential: the journal drops its (thing_key, revision) index, which cost most of
-- an append on H2 (random inserts all over the index on every commit; docs/BENCHMARKS.md).
-- Instead every new event links to its thing's previous event (prev_seq), and every new snapshot's
-- seq is its thing's own event at the snapshot's revision: a history read walks the chain back
-- from the next snapshot (or the latest event) by primary key.
-- Rows written before this migration keep prev_seq NULL (and checkpoint snapshots the journal's
-- seq at the checkpoint); readers fall back to a scan of the seq range between the snapshots
-- around the wanted revisions, which is exact for them too. Nothing is rewritten here.
ALTER TABLE twin_event ADD COLUMN prev_seq BIGINT;

DROP INDEX twin_event_thing_revision;
