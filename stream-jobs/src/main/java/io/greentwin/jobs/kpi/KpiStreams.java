package io.greentwin.jobs.kpi;

import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the KPI job produces.
 *
 * @param patches merges of the halls', buildings' and site's {@code kpi} feature, per minute and
 *     per hour
 * @param readings the same KPIs as readings (feature {@code kpi}) for the time-series store
 * @param lateReadings power readings that came after their minute was closed, left out of the KPIs
 */
public record KpiStreams(
    DataStream<TwinPatch> patches,
    DataStream<Reading> readings,
    DataStream<Reading> lateReadings) {}
