package io.greentwin.jobs.timeseries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A row of {@code ts_raw}: the blocks of one minute of many series of one shard ({@link
 * BlockCodec#pack}).
 *
 * @param bucketStartMs the minute
 * @param shard {@link SeriesIds#shard} of every series in it
 * @param seriesCount series in the pack
 * @param sampleCount samples in the pack
 * @param blocks the pack
 */
record PackedRow(long bucketStartMs, int shard, int seriesCount, int sampleCount, byte[] blocks) {
  /** Raw samples are spread over this many shards per minute: the contract with readers. */
  static final int SHARDS = 64;

  /** Packs stay below this size (H2 limits a BYTEA value to 1 MB); larger ones are split. */
  static final int MAX_PACK_BYTES = 512 * 1024;

  /** The raw rows grouped into packs by minute and shard. */
  static List<PackedRow> pack(List<TimeSeriesRow> raw) {
    List<TimeSeriesRow> rows = new ArrayList<>(raw);
    rows.sort(
        Comparator.comparingLong(TimeSeriesRow::bucketStartMs)
            .thenComparingInt(r -> SeriesIds.shard(r.seriesId(), SHARDS))
            .thenComparingLong(TimeSeriesRow::seriesId));
    List<PackedRow> out = new ArrayList<>();
    long[] ids = new long[rows.size()];
    byte[][] blocks = new byte[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      ids[i] = rows.get(i).seriesId();
      blocks[i] = rows.get(i).block();
    }
    int start = 0;
    int bytes = 0;
    int samples = 0;
    for (int i = 0; i < rows.size(); i++) {
      TimeSeriesRow r = rows.get(i);
      if (i > start && !samePack(rows.get(i - 1), r, bytes + r.block().length)) {
        out.add(packed(rows.get(start), ids, blocks, start, i - start, samples));
        start = i;
        bytes = 0;
        samples = 0;
      }
      bytes += r.block().length;
      samples += (int) r.count();
    }
    if (start < rows.size()) {
      out.add(packed(rows.get(start), ids, blocks, start, rows.size() - start, samples));
    }
    return out;
  }

  /** Same minute and shard, a new series (a repeated one starts a new pack), not too large. */
  private static boolean samePack(TimeSeriesRow prev, TimeSeriesRow r, int bytes) {
    return prev.bucketStartMs() == r.bucketStartMs()
        && SeriesIds.shard(prev.seriesId(), SHARDS) == SeriesIds.shard(r.seriesId(), SHARDS)
        && prev.seriesId() != r.seriesId()
        && bytes <= MAX_PACK_BYTES;
  }

  private static PackedRow packed(
      TimeSeriesRow first, long[] ids, byte[][] blocks, int off, int n, int samples) {
    return new PackedRow(
        first.bucketStartMs(),
        SeriesIds.shard(first.seriesId(), SHARDS),
        n,
        samples,
        BlockCodec.pack(ids, blocks, off, n));
  }
}
