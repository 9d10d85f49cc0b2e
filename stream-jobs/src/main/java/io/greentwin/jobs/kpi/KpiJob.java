package io.greentwin.jobs.kpi;

import io.greentwin.campus.Campus;
import io.greentwin.jobs.sync.ReadingSerializer;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The KPI job: per minute and per hour, for every hall, building and the site, IT and facility
 * power, PUE, cooling pPUE, free-cooling share, heat exported, ERF, ERE, CUE, WUE and REF (formulas
 * from twin-model's {@link io.greentwin.kpi.KpiCalculator}).
 *
 * <p>Readings → only the power, heat and water points that feed a KPI → per sensor, energy by
 * sample and hold over event time, one slice per minute → per minute, the campus's slices allocated
 * to halls, buildings and the site → per level, minutes summed to hours → KPIs, as twin merges and
 * readings.
 */
public final class KpiJob {
  private KpiJob() {}

  /** A key for the one campus-wide minute window. */
  private static final String CAMPUS_KEY = "campus";

  /**
   * Adds the KPI job to a stream of validated readings.
   *
   * @param readings validated readings with event-time timestamps and watermarks assigned
   */
  public static KpiStreams attach(DataStream<Reading> readings, Campus campus, KpiConfig config) {
    KpiTopology topology = KpiTopology.of(campus);
    LevelAllocator allocator =
        new LevelAllocator(topology, config.boundary(), config.pvCertificatesKept());
    KpiOutput output = new KpiOutput(config);
    SingleOutputStreamOperator<EnergySlice> slices =
        readings
            .filter(r -> topology.input(r) != null)
            .name("kpi-inputs")
            .keyBy(Reading::sensorKey)
            .process(new EnergyIntegrator(topology, config.maxHold().toMillis()))
            .name("kpi-energy")
            .uid("kpi-energy");
    DataStream<LevelEnergy> minutes =
        slices
            .keyBy(s -> CAMPUS_KEY)
            .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
            .process(new MinuteEnergyFunction(allocator))
            .name("kpi-minute")
            .uid("kpi-minute");
    DataStream<LevelEnergy> hours =
        minutes
            .keyBy(LevelEnergy::levelId)
            .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
            .reduce(LevelEnergy::plus, new HourEnergyFunction())
            .name("kpi-hour")
            .uid("kpi-hour");
    DataStream<LevelEnergy> both = minutes.union(hours);
    DataStream<TwinPatch> patches =
        both.map(output::patch).returns(TwinPatch.class).name("kpi-twin-patches");
    DataStream<Reading> kpiReadings =
        both.flatMap(
                (LevelEnergy e, org.apache.flink.util.Collector<Reading> out) ->
                    output.readings(e).forEach(out::collect))
            .returns(
                ReadingSerializer.TYPE) // the sync job's reading type: unioned with its readings
            .name("kpi-readings");
    return new KpiStreams(patches, kpiReadings, slices.getSideOutput(EnergyIntegrator.LATE));
  }
}
