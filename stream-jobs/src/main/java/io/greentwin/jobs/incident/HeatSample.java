package io.greentwin.jobs.incident;

/**
 * The heat meter, offer and demand of one heat export at one instant, filled as their readings
 * come. NaN until read.
 *
 * @param timeMs the instant, epoch ms
 * @param deliveredKw heat delivered at the meter, kW
 * @param offeredKw heat the campus offered, kW
 * @param demandKw heat the customer asked for, kW
 */
public record HeatSample(long timeMs, double deliveredKw, double offeredKw, double demandKw) {
  static final String DELIVERED = "heatMeter/thermalPowerKw";
  static final String OFFERED = "offer/offeredKw";
  static final String DEMAND = "demand/demandKw";

  /** An empty sample at an instant. */
  static HeatSample at(long timeMs) {
    return new HeatSample(timeMs, Double.NaN, Double.NaN, Double.NaN);
  }

  /** The sample with one more point read; other points are ignored. */
  HeatSample with(String point, double value) {
    return switch (point) {
      case DELIVERED -> new HeatSample(timeMs, value, offeredKw, demandKw);
      case OFFERED -> new HeatSample(timeMs, deliveredKw, value, demandKw);
      case DEMAND -> new HeatSample(timeMs, deliveredKw, offeredKw, value);
      default -> this;
    };
  }

  /** Whether all three points are read. */
  boolean complete() {
    return !Double.isNaN(deliveredKw) && !Double.isNaN(offeredKw) && !Double.isNaN(demandKw);
  }

  /** What should have been delivered: the offer, as far as the customer asked for it, kW. */
  double expectedKw() {
    return Math.min(offeredKw, demandKw);
  }
}
