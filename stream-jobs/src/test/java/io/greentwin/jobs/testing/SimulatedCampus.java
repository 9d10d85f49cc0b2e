package io.greentwin.jobs.testing;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingSink;
import io.greentwin.sim.SensorFaults;
import io.greentwin.sim.SensorPoint;
import io.greentwin.sim.SimulationSettings;
import io.greentwin.sim.SyntheticWeather;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The demo campus ({@code config/campus.yaml}) and its simulator, for job tests: runs the simulator
 * with a fault plan (sensor faults applied as the real feed would) and returns its readings.
 * Readings of servers are left out unless asked for: neither the KPI nor the incident job reads
 * them, and they are five of every six readings.
 */
public final class SimulatedCampus {
  /** The demo campus. */
  public static final Campus DEMO =
      new CampusLoader()
          .loadCampus(
              Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml"));

  private SimulatedCampus() {}

  /** A run's readings (servers left out) and the simulator's campus totals after each tick. */
  public record Run(List<Reading> readings, List<CampusSimulator.Totals> totals) {}

  /** The readings of a simulated run of the demo campus, server readings left out. */
  public static List<Reading> readings(
      long seed, String start, Duration duration, Duration interval, FaultPlan faults) {
    return run(seed, start, duration, interval, faults).readings();
  }

  /** Simulates the demo campus tick by tick. */
  public static Run run(
      long seed, String start, Duration duration, Duration interval, FaultPlan faults) {
    var site = DEMO.config().site();
    Instant from = Instant.parse(start);
    CampusSimulator sim =
        new CampusSimulator(
            DEMO,
            new SimulationSettings(seed, from, duration, interval),
            new SyntheticWeather(site.latitudeDeg(), site.longitudeDeg(), site.altitudeM(), seed),
            faults);
    List<Reading> out = new ArrayList<>();
    ReadingSink sink = new Collecting(out);
    if (!faults.sensorFaults().isEmpty()) {
      sink = new SensorFaults(sink, faults, from.toEpochMilli(), sim.readingsPerTick());
    }
    List<CampusSimulator.Totals> totals = new ArrayList<>();
    while (sim.hasNext()) {
      sim.tick(sink);
      totals.add(sim.totals());
    }
    sink.close();
    return new Run(out, totals);
  }

  /** Event time from the reading, 30 s out of order allowed, idle inputs skipped after 1 min. */
  public static WatermarkStrategy<Reading> watermarks() {
    return WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(30))
        .withTimestampAssigner((r, previous) -> r.eventTime().toEpochMilli())
        .withIdleness(Duration.ofMinutes(1));
  }

  /**
   * Event time from the reading, a watermark after every reading (its time less 30 s): slow, but
   * lateness then does not depend on when a periodic watermark happens to be emitted.
   */
  public static WatermarkStrategy<Reading> watermarksPerReading() {
    return WatermarkStrategy.<Reading>forGenerator(ctx -> new PerReading())
        .withTimestampAssigner((r, previous) -> r.eventTime().toEpochMilli());
  }

  private static final class PerReading implements WatermarkGenerator<Reading> {
    private long maxMs = Long.MIN_VALUE + 30_001;

    @Override
    public void onEvent(Reading r, long timestamp, WatermarkOutput output) {
      maxMs = Math.max(maxMs, timestamp);
      output.emitWatermark(new Watermark(maxMs - 30_001));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /**
   * The readings as the sync job hands them on: each sensor's readings through one keyed channel,
   * so they stay in order per sensor whatever the parallelism.
   */
  public static DataStream<Reading> perSensor(DataStream<Reading> readings) {
    return readings.keyBy(Reading::sensorKey).map(r -> r).returns(Reading.class).name("per-sensor");
  }

  /** The thing id of a local asset name of the demo campus. */
  public static String id(String local) {
    return DEMO.thingId(local);
  }

  private record Collecting(List<Reading> out) implements ReadingSink {
    @Override
    public void accept(SensorPoint p, double value, long eventTimeMs, long seq) {
      if (p.kind() != AssetKind.SERVER) {
        out.add(
            new Reading(
                p.thingId(),
                p.feature(),
                p.property(),
                value,
                p.unit().ucum(),
                Instant.ofEpochMilli(eventTimeMs),
                seq));
      }
    }

    @Override
    public void acceptMalformed(String raw) {}
  }
}
