package io.greentwin.jobs.incident;

import io.greentwin.campus.Campus;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The incident job. Readings of watched sensors go to three keyed checks: per sensor (ASHRAE water
 * and air limits, flow loss and temperature rise against the usual value, stuck and silent
 * sensors), per PV array (inverter down in sunshine) and per heat export (heat short of the offer).
 * Their conditions are grouped into incidents; a flow loss followed by a temperature rise
 * downstream is recognised by a Flink CEP pattern per cooling loop. Incidents become twins.
 */
public final class IncidentJob {
  private IncidentJob() {}

  /**
   * Adds the incident job to a stream of validated readings.
   *
   * @param readings validated readings with event-time timestamps and watermarks assigned
   */
  public static IncidentStreams attach(
      DataStream<Reading> readings, Campus campus, IncidentConfig config) {
    IncidentTopology topology = IncidentTopology.of(campus, config);
    DataStream<Reading> watched =
        readings.filter(r -> topology.point(r) != null).name("incident-inputs");
    DataStream<Condition> sensors =
        watched
            .keyBy(Reading::sensorKey)
            .process(new SensorCheckFunction(topology, config))
            .name("incident-sensor-checks")
            .uid("incident-sensor-checks");
    DataStream<Condition> pv =
        watched
            .filter(r -> PvTripFunction.judges(topology.point(r)))
            .keyBy(r -> topology.pvArrayOf(r.thingId()))
            .process(new PvTripFunction(topology, config))
            .name("incident-pv-trips")
            .uid("incident-pv-trips");
    DataStream<Condition> heat =
        watched
            .filter(r -> HeatShortfallFunction.judges(topology.point(r)))
            .keyBy(Reading::thingId)
            .process(new HeatShortfallFunction(topology, config))
            .name("incident-heat-shortfall")
            .uid("incident-heat-shortfall");
    DataStream<Condition> conditions =
        sensors
            .union(pv, heat)
            .flatMap(FlowLossPattern::route)
            .returns(Condition.class)
            .name("incident-groups");
    DataStream<Condition> openings =
        FlowLossPattern.openings(
            sensors.filter(FlowLossPattern::isInput).name("incident-flow-signals"),
            config.flowRiseWindow());
    DataStream<Incident> incidents =
        conditions
            .union(openings)
            .keyBy(Condition::groupKey)
            .process(
                new IncidentTracker(
                    config.replayMargin().toMillis(), config.flowRiseWindow().toMillis()))
            .name("incident-tracker")
            .uid("incident-tracker");
    IncidentTwins twins = new IncidentTwins(topology);
    DataStream<TwinPatch> patches =
        incidents.map(twins::patch).returns(TwinPatch.class).name("incident-twins");
    return new IncidentStreams(patches, incidents);
  }
}
