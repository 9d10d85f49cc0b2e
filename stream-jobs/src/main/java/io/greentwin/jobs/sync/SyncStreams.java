package io.greentwin.jobs.sync;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The streams the sync workflow built, for callers that attach more: the validated, de-duplicated
 * readings (with watermarks), every twin patch sent to the twin sink, every dead letter.
 */
public record SyncStreams(
    DataStream<Reading> readings,
    DataStream<TwinPatch> twinPatches,
    DataStream<DeadLetter> deadLetters) {}
