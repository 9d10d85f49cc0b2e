package io.greentwin.gateway.ws;

import io.greentwin.gateway.rql.ThingFilter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
  private static final RqlThingFilter ANY = new RqlThingFilter(null, null, Set.of(), null, null);

  private final String expression;
  private final Supplier<Criteria> criteria;
  private final Set<JsonPointer> fields;
  private final ThingProjection projection;
  private final Function<Thing, Boolean> direct;
  private Predicate<Thing> plain;

  private RqlThingFilter(
      String expression,
      Supplier<Criteria> criteria,
      Set<JsonPointer> fields,
      ThingProjection projection,
      Function<Thing, Boolean> direct) {
    this.expression = expression;
    this.criteria = criteria;
    this.fields = fields;
    this.projection = projection;
    this.direct = direct;
  }

  /** Parses an RQL filter; throws Ditto's {@code rql.expression.invalid} when it is not valid. */
  static RqlThingFilter parse(String rql, DittoHeaders headers) {
    if (rql == null || rql.isBlank()) {
      return ANY;
    }
    Criteria parsed = criteria(rql, headers);
    Set<JsonPointer> fields = ThingFilter.fieldsOf(rql);
    return new RqlThingFilter(rql, () -> parsed, fields, ThingProjection.of(fields), null);
  }

  /**
   * A filter of criteria Ditto parsed (built when first needed), the fields they reference, the
   * projection of those fields (null: none) and an answer from the model where it decides (null:
   * none, or one that answers null where it does not decide).
   */
  static RqlThingFilter of(
      String rql,
      Supplier<Criteria> criteria,
      Set<JsonPointer> fields,
      ThingProjection projection,
      Function<Thing, Boolean> direct) {
    return new RqlThingFilter(rql, criteria, fields, projection, direct);
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
    if (criteria == null) {
      return true;
    }
    Boolean answer = direct == null ? null : direct.apply(thing);
    if (answer != null) {
      return answer;
    }
    if (plain == null) {
      plain = ThingPredicateVisitor.apply(criteria.get(), List.of());
    }
    return plain.test(projection == null ? thing : projection.of(thing));
  }

  @Override
  public String toString() {
    return expression == null ? "<any>" : expression;
  }
}
