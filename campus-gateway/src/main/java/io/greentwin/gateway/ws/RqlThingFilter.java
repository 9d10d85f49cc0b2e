package io.greentwin.gateway.ws;

import io.greentwin.gateway.rql.ThingFilter;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.signals.WithResource;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.placeholders.PlaceholderFactory;
import org.eclipse.ditto.placeholders.PlaceholderResolver;
import org.eclipse.ditto.protocol.TopicPath;
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
 * exists and or not} behave exactly as in Ditto. Event filters may also use the {@code topic:} and
 * {@code resource:} placeholders ({@code eq(topic:action,"created")}, {@code
 * eq(resource:path,"/")}). Kept in the WebSocket package until a shared one exists.
 */
final class RqlThingFilter {
  private static final QueryFilterCriteriaFactory CRITERIA =
      QueryFilterCriteriaFactory.modelBased(
          RqlPredicateParser.getInstance(),
          TopicPathPlaceholder.getInstance(),
          ResourcePlaceholder.getInstance());
  private static final RqlThingFilter ANY = new RqlThingFilter(null, null);

  private final String expression;
  private final Criteria criteria;
  private final Predicate<Thing> plain;
  private final Set<JsonPointer> fields;

  private RqlThingFilter(String expression, Criteria criteria) {
    this.expression = expression;
    this.criteria = criteria;
    this.fields = expression == null ? Set.of() : ThingFilter.fieldsOf(expression);
    this.plain = criteria == null ? t -> true : ThingPredicateVisitor.apply(criteria, List.of());
  }

  /** Parses an RQL filter; throws Ditto's {@code rql.expression.invalid} when it is not valid. */
  static RqlThingFilter parse(String rql, DittoHeaders headers) {
    if (rql == null || rql.isBlank()) {
      return ANY;
    }
    try {
      return new RqlThingFilter(rql, CRITERIA.filterCriteria(rql, headers));
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

  boolean isAny() {
    return criteria == null;
  }

  /** True when the thing matches. */
  boolean test(Thing thing) {
    return plain.test(thing);
  }

  /** True when the thing matches, resolving {@code topic:} and {@code resource:} placeholders. */
  boolean test(Thing thing, TopicPath topic, JsonPointer resourcePath) {
    if (criteria == null) {
      return true;
    }
    List<PlaceholderResolver<?>> resolvers =
        List.of(
            PlaceholderFactory.newPlaceholderResolver(TopicPathPlaceholder.getInstance(), topic),
            PlaceholderFactory.newPlaceholderResolver(
                ResourcePlaceholder.getInstance(), thingResource(resourcePath)));
    return ThingPredicateVisitor.apply(criteria, resolvers).test(thing);
  }

  @Override
  public String toString() {
    return expression == null ? "<any>" : expression;
  }

  private static WithResource thingResource(JsonPointer path) {
    return new WithResource() {
      @Override
      public JsonPointer getResourcePath() {
        return path;
      }

      @Override
      public String getResourceType() {
        return "thing";
      }
    };
  }
}
