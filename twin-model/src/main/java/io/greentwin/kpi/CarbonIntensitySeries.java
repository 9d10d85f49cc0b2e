package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A time series of grid carbon intensity, read as a step function: each point holds until the next
 * one, but never longer than {@code maxHold}, so a gap in the data is bridged only as far as the
 * caller allows. Immutable.
 */
public final class CarbonIntensitySeries {
  private final long[] epochSeconds;
  private final double[] gCo2PerKwh;
  private final Duration maxHold;

  private CarbonIntensitySeries(long[] epochSeconds, double[] gCo2PerKwh, Duration maxHold) {
    this.epochSeconds = epochSeconds;
    this.gCo2PerKwh = gCo2PerKwh;
    this.maxHold = maxHold;
  }

  /**
   * A series from points in any order.
   *
   * @param points at least one point, no two at the same second
   * @param maxHold how long a point holds at most, e.g. {@code PT1H} for an hourly series that must
   *     be complete, {@code PT3H} to bridge a few missing hours
   */
  public static CarbonIntensitySeries of(List<IntensityPoint> points, Duration maxHold) {
    Require.present("points", points);
    Require.present("maxHold", maxHold);
    if (points.isEmpty() || maxHold.isNegative() || maxHold.isZero()) {
      throw Require.invalid("a series needs at least one point and a positive maxHold");
    }
    List<IntensityPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparing(IntensityPoint::time));
    long[] seconds = new long[sorted.size()];
    double[] values = new double[sorted.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = sorted.get(i).time().getEpochSecond();
      values[i] = sorted.get(i).gCo2PerKwh();
      if (i > 0 && seconds[i] == seconds[i - 1]) {
        throw Require.invalid("two intensity points at " + sorted.get(i).time());
      }
    }
    return new CarbonIntensitySeries(seconds, values, maxHold);
  }

  /** Number of points. */
  public int size() {
    return epochSeconds.length;
  }

  /**
   * Intensity that holds at an instant, gCO2e/kWh.
   *
   * @throws io.greentwin.error.GreenTwinException ({@code argument:invalid}) when the instant is
   *     before the first point or more than {@code maxHold} after the point before it
   */
  public double gCo2PerKwhAt(Instant time) {
    long t = Require.present("time", time).getEpochSecond();
    int i = Arrays.binarySearch(epochSeconds, t);
    int at = i >= 0 ? i : -i - 2;
    if (at < 0 || t - epochSeconds[at] >= maxHold.getSeconds()) {
      throw Require.invalid(
          "no carbon intensity for "
              + time
              + ": the series covers "
              + Instant.ofEpochSecond(epochSeconds[0])
              + " to "
              + Instant.ofEpochSecond(epochSeconds[epochSeconds.length - 1])
              + " and bridges gaps up to "
              + maxHold);
    }
    return gCo2PerKwh[at];
  }
}
