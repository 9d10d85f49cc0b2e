package io.greentwin.jobs.sync;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.twin.TwinPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the sync job writes, swappable in tests: the twin sink (the Ditto Protocol sink, or a
 * collecting one), the dead-letter sink, and the branches (roll-ups, KPIs, incidents) that hang off
 * the validated readings.
 */
public record Sinks(
    Sink<TwinPatch> twins, Sink<DeadLetter> deadLetters, List<ReadingBranch> branches) {
  public Sinks {
    Objects.requireNonNull(twins, "twins");
    Objects.requireNonNull(deadLetters, "deadLetters");
    branches = List.copyOf(branches);
  }

  /** The two sinks and no branch. */
  public static Sinks of(Sink<TwinPatch> twins, Sink<DeadLetter> deadLetters) {
    return new Sinks(twins, deadLetters, List.of());
  }

  /** A copy with one more branch. */
  public Sinks withBranch(ReadingBranch branch) {
    List<ReadingBranch> more = new ArrayList<>(branches);
    more.add(branch);
    return new Sinks(twins, deadLetters, more);
  }
}
