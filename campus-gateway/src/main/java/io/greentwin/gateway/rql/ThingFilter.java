package io.greentwin.gateway.rql;

import java.util.Objects;
import java.util.function.Predicate;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.rql.parser.RqlPredicateParser;
import org.eclipse.ditto.rql.query.filter.QueryFilterCriteriaFactory;
import org.eclipse.ditto.rql.query.things.ThingPredicateVisitor;
import org.eclipse.ditto.things.model.Thing;

/**
 * An RQL expression ({@code
 * and(gt(features/coolant/properties/supplyTempC,40),exists(attributes/name))}) evaluated against a
 * thing, exactly as Ditto evaluates a {@code condition} header or a search {@code filter} in
 * memory: Ditto's own parser ({@link RqlPredicateParser}), criteria factory and {@link
 * ThingPredicateVisitor}. Immutable and thread-safe; parse once, test many things.
 */
public final class ThingFilter implements Predicate<Thing> {
  private static final QueryFilterCriteriaFactory CRITERIA =
      QueryFilterCriteriaFactory.modelBased(RqlPredicateParser.getInstance());

  private final String expression;
  private final Predicate<Thing> predicate;

  private ThingFilter(String expression, Predicate<Thing> predicate) {
    this.expression = expression;
    this.predicate = predicate;
  }

  /**
   * Parses an RQL expression.
   *
   * @throws InvalidRqlExpressionException Ditto's {@code rql.expression.invalid} (400) when the
   *     expression is not valid RQL or names an unknown field
   */
  public static ThingFilter parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    return new ThingFilter(
        expression,
        ThingPredicateVisitor.apply(CRITERIA.filterCriteria(expression, DittoHeaders.empty())));
  }

  /** True when the thing matches (a missing field never matches, except under {@code ne}). */
  @Override
  public boolean test(Thing thing) {
    return predicate.test(thing);
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }
}
