package io.greentwin.jobs.sync;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.twin.TwinPatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Collects the streams {@link ReadingBranch}es produce for the job's shared sinks. */
public final class BranchOutputs {
  private final List<DataStream<TwinPatch>> twinPatches = new ArrayList<>();
  private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();

  /** Twin patches for the twin sink (e.g. the {@code kpi} feature, incident twins). */
  public void twinPatches(DataStream<TwinPatch> patches) {
    twinPatches.add(patches);
  }

  /** Dead letters for the dead-letter sink. */
  public void deadLetters(DataStream<DeadLetter> letters) {
    deadLetters.add(letters);
  }

  List<DataStream<TwinPatch>> twinPatches() {
    return twinPatches;
  }

  List<DataStream<DeadLetter>> deadLetters() {
    return deadLetters;
  }
}
