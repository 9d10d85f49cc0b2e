package io.greentwin.gateway.stream;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.util.Objects;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.signals.WithResource;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.placeholders.PlaceholderFactory;
import org.eclipse.ditto.placeholders.TimePlaceholder;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.TopicPath;
import org.eclipse.ditto.protocol.placeholders.ResourcePlaceholder;
import org.eclipse.ditto.protocol.placeholders.TopicPathPlaceholder;
import org.eclipse.ditto.rql.parser.RqlPredicateParser;
import org.eclipse.ditto.rql.query.criteria.Criteria;
import org.eclipse.ditto.rql.query.filter.QueryFilterCriteriaFactory;
import org.eclipse.ditto.rql.query.things.ThingPredicateVisitor;
import org.eclipse.ditto.things.model.Thing;

/**
 * The RQL {@code filter} of a change stream, as Ditto applies it to change notifications: parsed by
 * Ditto's RQL parser and evaluated by Ditto's own in-memory evaluator ({@code
 * ThingPredicateVisitor}) on the changed part of the thing ({@link EventThing}), with the {@code
 * topic:}, {@code resource:} and {@code time:} placeholders (e.g. {@code
 * in(topic:action,'created','deleted')}). Immutable and thread-safe.
 */
public final class EventFilter {
  private static final QueryFilterCriteriaFactory CRITERIA =
      QueryFilterCriteriaFactory.modelBased(
          RqlPredicateParser.getInstance(),
          TopicPathPlaceholder.getInstance(),
          ResourcePlaceholder.getInstance(),
          TimePlaceholder.getInstance());
  private static final EventFilter ALL = new EventFilter(null);

  private final Criteria criteria;

  private EventFilter(Criteria criteria) {
    this.criteria = criteria;
  }

  /**
   * The filter, or one that lets everything pass when none is given; throws Ditto's {@code
   * rql.expression.invalid} (400) for an invalid expression.
   */
  public static EventFilter parseOrAll(String rqlOrNull) {
    return parseOrAll(rqlOrNull, DittoHeaders.empty());
  }

  /** As {@link #parseOrAll(String)}, the error carrying the request's headers. */
  public static EventFilter parseOrAll(String rqlOrNull, DittoHeaders headers) {
    if (rqlOrNull == null || rqlOrNull.isBlank()) {
      return ALL;
    }
    try {
      return new EventFilter(CRITERIA.filterCriteria(rqlOrNull, headers));
    } catch (InvalidRqlExpressionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw InvalidRqlExpressionException.newBuilder()
          .message(String.valueOf(e.getMessage()))
          .cause(e)
          .dittoHeaders(headers)
          .build();
    }
  }

  /** True when no filter was given: every event passes. */
  public boolean isAll() {
    return criteria == null;
  }

  /** True when the event, as its changed thing, matches. */
  public boolean matches(TwinEvent event, Thing changed) {
    if (criteria == null) {
      return true;
    }
    return ThingPredicateVisitor.apply(
            criteria,
            PlaceholderFactory.newPlaceholderResolver(
                TopicPathPlaceholder.getInstance(), topicPath(event)),
            PlaceholderFactory.newPlaceholderResolver(
                ResourcePlaceholder.getInstance(), new Resource(event.path())),
            PlaceholderFactory.newPlaceholderResolver(TimePlaceholder.getInstance(), new Object()))
        .test(changed);
  }

  private static TopicPath topicPath(TwinEvent e) {
    var events = ProtocolFactory.newTopicPathBuilder(e.thingId()).things().twin().events();
    return (e.kind() == EventKind.CREATED
            ? events.created()
            : e.kind() == EventKind.MODIFIED
                ? events.modified()
                : e.kind() == EventKind.MERGED ? events.merged() : events.deleted())
        .build();
  }

  private record Resource(JsonPointer path) implements WithResource {
    Resource {
      Objects.requireNonNull(path);
    }

    @Override
    public JsonPointer getResourcePath() {
      return path;
    }

    @Override
    public String getResourceType() {
      return "thing";
    }
  }
}
