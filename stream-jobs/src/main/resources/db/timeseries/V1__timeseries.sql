-- GreenTwin time series (issue 4): the same schema on H2 and PostgreSQL.
-- Written by the Flink job (io.greentwin.jobs.timeseries.TimeSeriesSinks), read by the gateway
-- (io.greentwin.jobs.timeseries.TimeSeriesReader). Times are epoch milliseconds (UTC).
-- Every table is keyed by time first, so appends stay at the right edge of each index.

-- The series dictionary: one row per sensor point (thing, feature, property).
-- series_id is SeriesIds.of(thingId, feature, property), a 64-bit hash both sides compute.
CREATE TABLE IF NOT EXISTS ts_series (
  series_id BIGINT NOT NULL PRIMARY KEY,
  thing_id VARCHAR(256) NOT NULL,
  feature VARCHAR(256) NOT NULL,
  property VARCHAR(256) NOT NULL,
  unit VARCHAR(64) NOT NULL,
  first_seen_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ts_series_key ON ts_series (thing_id, feature, property);

-- Raw samples, packed: one row holds the minute [bucket_start_ms, +60 s) of every series with
-- ABS(series_id % 64) = shard that one writer flushed at once (BlockCodec.pack). A (minute, shard)
-- may have several rows (several writers, late samples, a replay after recovery): readers merge them
-- and drop repeated (time, value) samples.
CREATE TABLE IF NOT EXISTS ts_raw (
  bucket_start_ms BIGINT NOT NULL,
  shard INT NOT NULL,
  series_count INT NOT NULL,
  sample_count INT NOT NULL,
  blocks BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS ts_raw_time ON ts_raw (bucket_start_ms, shard);

-- Roll-ups per series and epoch-aligned bucket of 1 min, 15 min and 1 h. A bucket is written when
-- the watermark passes its end, and written again (a newer row, with a larger sample_count) when
-- late samples arrive within the allowed lateness: readers take the row with the largest
-- sample_count per (bucket, series). last_v is the value at last_t_ms.
-- The 1-min roll-ups are packed per series and quarter hour (MinuteCodec): bucket_start_ms is the
-- quarter's start, sample_count the quarter's samples, minutes the roll-up of each minute that has
-- samples. One row instead of fifteen keeps the write rate of the roll-ups low.
CREATE TABLE IF NOT EXISTS ts_rollup_1m (
  bucket_start_ms BIGINT NOT NULL,
  series_id BIGINT NOT NULL,
  sample_count INT NOT NULL,
  minutes BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS ts_rollup_1m_time ON ts_rollup_1m (bucket_start_ms, series_id);

CREATE TABLE IF NOT EXISTS ts_rollup_15m (
  bucket_start_ms BIGINT NOT NULL,
  series_id BIGINT NOT NULL,
  sample_count INT NOT NULL,
  sum_v DOUBLE PRECISION NOT NULL,
  min_v DOUBLE PRECISION NOT NULL,
  max_v DOUBLE PRECISION NOT NULL,
  last_v DOUBLE PRECISION NOT NULL,
  first_t_ms BIGINT NOT NULL,
  last_t_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ts_rollup_15m_time ON ts_rollup_15m (bucket_start_ms, series_id);

CREATE TABLE IF NOT EXISTS ts_rollup_1h (
  bucket_start_ms BIGINT NOT NULL,
  series_id BIGINT NOT NULL,
  sample_count INT NOT NULL,
  sum_v DOUBLE PRECISION NOT NULL,
  min_v DOUBLE PRECISION NOT NULL,
  max_v DOUBLE PRECISION NOT NULL,
  last_v DOUBLE PRECISION NOT NULL,
  first_t_ms BIGINT NOT NULL,
  last_t_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ts_rollup_1h_time ON ts_rollup_1h (bucket_start_ms, series_id);

-- How far each writer (sink subtask) has written: every bucket that ends at or before
-- watermark_ms + 1 is in the tables. Readers take MIN(watermark_ms) over the writers and read a
-- later bucket from the next finer level instead.
CREATE TABLE IF NOT EXISTS ts_progress (
  writer_index INT NOT NULL PRIMARY KEY,
  writer_count INT NOT NULL,
  watermark_ms BIGINT NOT NULL
);
