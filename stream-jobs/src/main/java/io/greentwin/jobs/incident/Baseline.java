package io.greentwin.jobs.incident;

/**
 * The usual value of a sensor: an exponential mean of its normal samples. Pure; kept in keyed
 * state.
 *
 * @param mean the mean so far
 * @param samples how many samples went into it
 */
public record Baseline(double mean, int samples) {
  /** The baseline after one more normal sample, weighted {@code weight}. */
  Baseline with(double value, double weight) {
    return samples == 0
        ? new Baseline(value, 1)
        : new Baseline(mean + weight * (value - mean), samples + 1);
  }

  /** Whether enough samples went in to judge against it. */
  boolean ready(int minSamples) {
    return samples >= minSamples;
  }
}
