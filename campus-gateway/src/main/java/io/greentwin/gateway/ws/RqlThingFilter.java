package io.greentwin.gateway.ws;

import io.greentwin.gateway.rql.ThingFilter;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.protocol.placeholders.ResourcePlaceholder;
import org.eclipse.ditto.protocol.placeholders.TopicPathPlaceholder;
import org.eclipse.ditto.rql.parser.RqlPredicateParser;
import org.eclipse.ditto.rql.query.criteria.Criteria;
import org.eclipse.ditto.rql.query.filter.QueryFilterCriteriaFactory;
import org.eclipse.ditto.rql.query.things.ThingPredicateVisitor;
import org.eclipse.ditto.things.model.Thing;

/**
 * An RQL filter on things, parsed by Ditto's {@code ditto-rql-parser} and evaluated by Ditto's
 * {@link ThingPredicateVisitor} ({@code ditto-rql-query}), so {@code eq ne gt ge lt le in like
 * exists and or not} behave exactly as in Ditto; used for conditions and search over the protocol
 * (event filters are the SSE stream's {@code EventFilter}).
 */
final class RqlThingFilter {
  private static final QueryFilterCriteriaFactory CRITERIA =
      QueryFilterCriteriaFactory.modelBased(
          RqlPredicateParser.getInstance(),
          TopicPathPlaceholder.getInstance(),
          ResourcePlaceholder.getInstance());
  private static final RqlThingFilter ANY = new RqlThingFilter(null, null, Set.of());

  private final String expression;
  private final Predicate<Thing> plain;
  private final Set<JsonPointer> fields;
  private final ThingProjection projection;

  private RqlThingFilter(String expression, Criteria criteria, Set<JsonPointer> fields) {
    this.expression = expression;
    this.fields = fields;
    this.plain = criteria == null ? t -> true : ThingPredicateVisitor.apply(criteria, List.of());
    this.projection = ThingProjection.of(fields);
  }

  /** Parses an RQL filter; throws Ditto's {@code rql.expression.invalid} when it is not valid. */
  static RqlThingFilter parse(String rql, DittoHeaders headers) {
    if (rql == null || rql.isBlank()) {
      return ANY;
    }
    return new RqlThingFilter(rql, criteria(rql, headers), ThingFilter.fieldsOf(rql));
  }

  /** A filter of criteria Ditto parsed, and the fields they reference. */
  static RqlThingFilter of(String rql, Criteria criteria, Set<JsonPointer> fields) {
    return new RqlThingFilter(rql, criteria, fields);
  }

  /** Ditto's criteria of an RQL filter, or its {@code rql.expression.invalid}. */
  static Criteria criteria(String rql, DittoHeaders headers) {
    try {
      return CRITERIA.filterCriteria(rql, headers);
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

  static RqlThingFilter any() {
    return ANY;
  }

  /** The fields of the thing the filter references (placeholders aside). */
  Set<JsonPointer> fields() {
    return fields;
  }

  /**
   * True when the thing matches. Ditto's predicate renders the thing's JSON for every field it
   * compares, so it is given only the parts of the thing the filter references where that is known
   * to give the same answer ({@link ThingProjection}).
   */
  boolean test(Thing thing) {
    return plain.test(projection == null ? thing : projection.of(thing));
  }

  @Override
  public String toString() {
    return expression == null ? "<any>" : expression;
  }
}
