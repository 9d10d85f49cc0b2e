package io.greentwin.sim;

import io.greentwin.campus.Campus;
import io.greentwin.weather.WeatherSample;
import java.time.Instant;

/**
 * The deterministic campus simulator: for each tick it computes the IT load, the cooling loop, heat
 * recovery, PV and the site meters from the workload profiles, the weather and the active faults,
 * then gives one reading per sensor to the sink. Same seed, start and faults: same readings.
 * Single-threaded; one instance per run.
 */
public final class CampusSimulator {
  private final Campus campus;
  private final SimulationSettings settings;
  private final WeatherSource weather;
  private final FaultPlan faults;
  private final SensorPoints points;
  private final ItLoad it;
  private final CduLoop cdus;
  private final HeatPlant heat;
  private final SolarPlant solar;
  private final SiteMeters site;
  private final ReadingEmitter emitter;
  private long nextTick;
  private WeatherSample lastWeather;

  public CampusSimulator(
      Campus campus, SimulationSettings settings, WeatherSource weather, FaultPlan faults) {
    this.campus = campus;
    this.settings = settings;
    this.weather = weather;
    this.faults = faults;
    Noise noise = new Noise(settings.seed());
    this.points = new SensorPoints(campus);
    this.it = new ItLoad(campus, noise);
    this.cdus = new CduLoop(campus, it);
    this.heat = new HeatPlant(campus);
    this.solar = new SolarPlant(campus);
    this.site = new SiteMeters(campus, noise);
    this.emitter = new ReadingEmitter(campus, points, noise, it, cdus, heat, solar, site);
  }

  /** The campus's sensors, numbered as the readings of this simulator. */
  public SensorPoints points() {
    return points;
  }

  /** The campus this simulator runs. */
  public Campus campus() {
    return campus;
  }

  /** The settings of this run. */
  public SimulationSettings settings() {
    return settings;
  }

  /** The number of readings one tick gives (every sensor once). */
  public int readingsPerTick() {
    return points.size();
  }

  /** True while ticks remain. */
  public boolean hasNext() {
    return nextTick < settings.ticks();
  }

  /** The index of the next tick. */
  public long nextTick() {
    return nextTick;
  }

  /** Simulates the next tick and gives its readings to the sink. Ticks run in order. */
  public void tick(ReadingSink sink) {
    long tick = nextTick++;
    long timeMs = settings.tickTimeMs(tick);
    long offsetMs = timeMs - settings.start().toEpochMilli();
    double dtS = settings.interval().toMillis() / 1000.0;
    WeatherSample w = weather.at(Instant.ofEpochMilli(timeMs));
    lastWeather = w;
    it.compute(tick, timeMs);
    cdus.compute(it, heat.supplyC, faults, offsetMs, dtS);
    double loopHeat = 0;
    for (double q : it.cduHeatKw) {
      loopHeat += q;
    }
    double air = 0;
    for (double q : it.hallAirKw) {
      air += q;
    }
    heat.compute(loopHeat, cdus.loopFlowKgS, air, w.airTempC(), timeMs, faults, offsetMs, dtS);
    solar.compute(w, faults, offsetMs);
    site.compute(tick, timeMs, it, cdus, heat, solar, settings.intervalHours());
    emitter.emit(sink, tick, timeMs, w);
    sink.endTick(tick);
  }

  /** Runs every remaining tick into the sink, then closes it. */
  public void runAll(ReadingSink sink) {
    while (hasNext()) {
      tick(sink);
    }
    sink.close();
  }

  /** Campus totals after the last tick, for summaries and tests. */
  public Totals totals() {
    return new Totals(
        site.itKw,
        site.facilityKw,
        heat.reusedKw(),
        solar.acTotalKw,
        site.gridImportKw,
        site.gridExportKw,
        lastWeather == null ? Double.NaN : lastWeather.airTempC());
  }

  /** Campus totals at the last tick. */
  public record Totals(
      double itPowerKw,
      double facilityPowerKw,
      double heatReusedKw,
      double pvAcKw,
      double gridImportKw,
      double gridExportKw,
      double ambientTempC) {
    /** Instantaneous PUE (facility power over IT power). */
    public double pue() {
      return facilityPowerKw / itPowerKw;
    }
  }
}
