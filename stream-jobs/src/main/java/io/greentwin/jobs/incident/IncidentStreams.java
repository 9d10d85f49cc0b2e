package io.greentwin.jobs.incident;

import io.greentwin.jobs.twin.TwinPatch;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the incident job produces.
 *
 * @param patches the incident twins, written whole when an incident opens, grows or closes
 * @param incidents the incidents themselves, each version as it changes
 */
public record IncidentStreams(DataStream<TwinPatch> patches, DataStream<Incident> incidents) {}
