package io.greentwin.gateway.rql;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.rql.parser.RqlPredicateParser;
import org.eclipse.ditto.rql.query.filter.QueryFilterCriteriaFactory;
import org.eclipse.ditto.rql.query.things.FieldNamesPredicateVisitor;
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
  private final Set<JsonPointer> fields;

  private ThingFilter(String expression, Predicate<Thing> predicate) {
    this.expression = expression;
    this.predicate = predicate;
    this.fields = fieldsOf(expression);
  }

  /**
   * The fields of the thing an RQL expression references ({@code /attributes/location}, {@code
   * /features/compute/properties/loadPct}), from Ditto's parsed predicate as Ditto collects them to
   * enforce READ on a {@code condition}; placeholders ({@code topic:action}) are not fields.
   *
   * @throws InvalidRqlExpressionException when the expression is not valid RQL
   */
  public static Set<JsonPointer> fieldsOf(String expression) {
    FieldNamesPredicateVisitor visitor = FieldNamesPredicateVisitor.getNewInstance();
    visitor.visit(RqlPredicateParser.getInstance().parse(expression));
    Set<JsonPointer> out = new LinkedHashSet<>();
    for (String name : visitor.getFieldNames()) {
      String first = name.split("/", 2)[0];
      if (!first.contains(":")) {
        out.add(JsonPointer.of(name));
      }
    }
    return Collections.unmodifiableSet(out);
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

  /** The fields of the thing the expression references; see {@link #fieldsOf}. */
  public Set<JsonPointer> fields() {
    return fields;
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
