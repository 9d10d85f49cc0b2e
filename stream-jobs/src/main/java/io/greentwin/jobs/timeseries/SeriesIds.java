package io.greentwin.jobs.timeseries;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit id of a series, {@code ts_series.series_id}: FNV-1a over the UTF-8 bytes of thing id,
 * feature and property (separated by a zero byte), finished with MurmurHash3's 64-bit mixer.
 * Writers and readers compute it alike, so the job needs no database round trip for a new sensor.
 * Two of the demo campus's 17,862 series collide with a probability of about 10⁻¹¹; the sink checks
 * the dictionary and fails loudly if it ever happens.
 */
public final class SeriesIds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SeriesIds() {}

  public static long of(String thingId, String feature, String property) {
    long h = FNV_OFFSET;
    h = mix(h, thingId);
    h = (h ^ 0) * FNV_PRIME;
    h = mix(h, feature);
    h = (h ^ 0) * FNV_PRIME;
    h = mix(h, property);
    return fmix64(h);
  }

  /** The raw-sample shard of a series: {@code ABS(series_id % shards)}, the same in SQL. */
  public static int shard(long seriesId, int shards) {
    return (int) Math.abs(seriesId % shards);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return mixBytes(h, s.getBytes(StandardCharsets.UTF_8));
      }
    }
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME; // ASCII: the char is its UTF-8 byte
    }
    return h;
  }

  private static long mixBytes(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * FNV_PRIME;
    }
    return h;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
