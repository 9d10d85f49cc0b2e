package io.greentwin.jobs.timeseries;

/**
 * What a bucket of samples rolls up to; aggregates of adjacent buckets merge exactly.
 *
 * @param count number of samples
 * @param sum their sum
 * @param min the smallest
 * @param max the largest
 * @param last the value at {@code lastTMs} (of equal times, the one that arrived last)
 * @param firstTMs time of the first sample, epoch ms
 * @param lastTMs time of the last sample, epoch ms
 */
public record SeriesAggregate(
    long count, double sum, double min, double max, double last, long firstTMs, long lastTMs) {

  /** One sample. */
  public static SeriesAggregate of(long tMs, double value) {
    return new SeriesAggregate(1, value, value, value, value, tMs, tMs);
  }

  public double avg() {
    return sum / count;
  }

  /** Both buckets' samples together; on equal last times the other's last wins. */
  public SeriesAggregate merge(SeriesAggregate o) {
    return new SeriesAggregate(
        count + o.count,
        sum + o.sum,
        Math.min(min, o.min),
        Math.max(max, o.max),
        o.lastTMs >= lastTMs ? o.last : last,
        Math.min(firstTMs, o.firstTMs),
        Math.max(lastTMs, o.lastTMs));
  }
}
