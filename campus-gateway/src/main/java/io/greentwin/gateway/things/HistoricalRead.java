package io.greentwin.gateway.things;

import io.greentwin.twin.TwinService;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.ditto.base.model.exceptions.DittoHeaderInvalidException;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A read of a thing as it was (Ditto 3.2+ headers {@code at-historical-revision: N} or {@code
 * at-historical-timestamp: <ISO-8601>}; the revision wins when both are given).
 */
record HistoricalRead(Long revision, Instant timestamp) {
  static final String AT_REVISION = "at-historical-revision";
  static final String AT_TIMESTAMP = "at-historical-timestamp";

  /** The point in history a request asks for; empty for the latest state. */
  static Optional<HistoricalRead> of(RoutingContext ctx) {
    String revision = ctx.request().getHeader(AT_REVISION);
    if (revision != null) {
      return Optional.of(new HistoricalRead(parseRevision(revision), null));
    }
    return Optional.ofNullable(ctx.request().getHeader(AT_TIMESTAMP))
        .map(t -> new HistoricalRead(null, parseTimestamp(t)));
  }

  /** The thing at that point (empty when it did not exist then). May read the journal. */
  Optional<Thing> lookup(TwinService twins, ThingId id) {
    return revision != null ? twins.getAtRevision(id, revision) : twins.getAtTime(id, timestamp);
  }

  private static long parseRevision(String value) {
    try {
      long revision = Long.parseLong(value.trim());
      if (revision >= 0) {
        return revision;
      }
    } catch (NumberFormatException e) {
      // reported below, as Ditto reports an invalid header
    }
    throw DittoHeaderInvalidException.newInvalidTypeBuilder(AT_REVISION, value, "long").build();
  }

  private static Instant parseTimestamp(String value) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw DittoHeaderInvalidException.newInvalidTypeBuilder(AT_TIMESTAMP, value, "ISO-8601")
          .build();
    }
  }
}
