package io.greentwin.sim;

/**
 * Deterministic, random-access noise: the value for (seed, stream, index) is a pure hash, so a run
 * is reproducible from its seed whatever the pacing, and any tick can be computed on its own.
 * SplitMix64 finaliser (Steele, Lea, Flood 2014; the mixer of java.util.SplittableRandom).
 */
final class Noise {
  private final long seed;

  Noise(long seed) {
    this.seed = seed;
  }

  /** A 64-bit hash of the seed and two keys. */
  long bits(long stream, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream * 0x632BE59BD9B4E019L + index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double uniform(long stream, long index) {
    return (bits(stream, index) >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [-1, 1). */
  double symmetric(long stream, long index) {
    return 2 * uniform(stream, index) - 1;
  }

  /** Approximately standard normal: the sum of four uniforms, rescaled (Irwin–Hall). */
  double gaussian(long stream, long index) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      s += uniform(stream * 4 + i, index);
    }
    // Irwin–Hall with n=4: mean 2, variance 4/12.
    return (s - 2) / Math.sqrt(4.0 / 12.0);
  }

  /** A smooth random walk: values at integer knots interpolated with a cosine, in [-1, 1]. */
  double smooth(long stream, double position) {
    long k = (long) Math.floor(position);
    double f = position - k;
    double a = symmetric(stream, k);
    double b = symmetric(stream, k + 1);
    double w = (1 - Math.cos(Math.PI * f)) / 2;
    return a + (b - a) * w;
  }
}
