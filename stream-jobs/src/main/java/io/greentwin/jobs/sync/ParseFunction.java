package io.greentwin.jobs.sync;

import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.source.RawReading;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw messages strictly ({@link ReadingJson}, by way of its fast path for the canonical
 * layout, {@link CanonicalReadingParser}) and validates them against the campus ({@link
 * ReadingValidator}); what fails goes to {@link #DEAD_LETTERS} with the reason and the raw message,
 * never failing the job.
 */
final class ParseFunction extends ProcessFunction<RawReading, Reading> {
  private static final long serialVersionUID = 1L;

  /** Messages that are not valid readings of this campus. */
  static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  private final ReadingValidator validator;
  private transient CanonicalReadingParser canonical;
  private transient ReadingJson json;

  ParseFunction(SensorCatalogue catalogue) {
    this.validator = new ReadingValidator(catalogue);
  }

  @Override
  public void open(OpenContext context) {
    canonical = new CanonicalReadingParser();
    json = new ReadingJson();
  }

  @Override
  public void processElement(RawReading raw, Context ctx, Collector<Reading> out) {
    Reading reading;
    try {
      reading = canonical.parse(raw.payload());
      if (reading == null) {
        reading = json.parse(raw.payload());
      }
    } catch (GreenTwinException | IllegalArgumentException e) {
      ctx.output(DEAD_LETTERS, deadLetter(raw, "malformed: " + e.getMessage()));
      return;
    }
    Optional<String> problem = validator.problem(reading);
    if (problem.isPresent()) {
      ctx.output(DEAD_LETTERS, deadLetter(raw, problem.get()));
    } else {
      out.collect(reading);
    }
  }

  private static DeadLetter deadLetter(RawReading raw, String reason) {
    return new DeadLetter(raw.payload(), reason, raw.origin(), raw.receivedMs());
  }
}
