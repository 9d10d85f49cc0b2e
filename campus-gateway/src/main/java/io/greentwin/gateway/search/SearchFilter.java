package io.greentwin.gateway.search;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.rql.parser.RqlPredicateParser;
import org.eclipse.ditto.rql.query.criteria.Criteria;
import org.eclipse.ditto.rql.query.criteria.visitors.CriteriaVisitor;
import org.eclipse.ditto.rql.query.expression.ExistsFieldExpression;
import org.eclipse.ditto.rql.query.expression.FilterFieldExpression;
import org.eclipse.ditto.rql.query.filter.QueryFilterCriteriaFactory;

/**
 * A search filter ({@code filter=<RQL>}): parsed and validated once by Ditto's own RQL parser and
 * criteria factory (so syntax errors and unknown fields are Ditto's {@code
 * rql.expression.invalid}), then compiled into a predicate on a thing's full JSON ({@code
 * Thing.toJson(p -> true)}). Ditto's in-memory evaluator ({@code ThingPredicateVisitor}) renders
 * the thing to JSON once per clause and thing; compiling against JSON the caller caches lets a
 * search over 10,000 twins stay within a few milliseconds. Operator semantics: {@link ValueTests}.
 * Thread-safe and immutable.
 */
public final class SearchFilter {
  private static final QueryFilterCriteriaFactory CRITERIA =
      QueryFilterCriteriaFactory.modelBased(RqlPredicateParser.getInstance());
  private static final SearchFilter ALL = new SearchFilter(json -> true);

  private final Predicate<IndexedJson> predicate;

  private SearchFilter(Predicate<IndexedJson> predicate) {
    this.predicate = predicate;
  }

  /**
   * Parses an RQL filter; throws Ditto's {@code InvalidRqlExpressionException} (400) when invalid.
   */
  public static SearchFilter parse(String rql) {
    Objects.requireNonNull(rql, "rql");
    IlikeRewrite rewrite = IlikeRewrite.of(rql);
    Criteria criteria = CRITERIA.filterCriteria(rewrite.rql(), DittoHeaders.empty());
    return new SearchFilter(criteria.accept(new Compiler(rewrite)));
  }

  /** Parses the filter, or matches everything when none is given. */
  public static SearchFilter parseOrAll(String rqlOrNull) {
    return rqlOrNull == null || rqlOrNull.isBlank() ? ALL : parse(rqlOrNull);
  }

  public static SearchFilter all() {
    return ALL;
  }

  /** True when the thing (its indexed JSON with every field, special fields included) matches. */
  public boolean test(IndexedJson thing) {
    return predicate.test(thing);
  }

  /** True when the thing (its JSON with every field, special fields included) matches. */
  public boolean test(JsonObject thingJson) {
    return this == ALL || predicate.test(IndexedJson.of(thingJson));
  }

  /** Turns Ditto's criteria into predicates, counting {@code like} operators in document order. */
  private static final class Compiler implements CriteriaVisitor<Predicate<IndexedJson>> {
    private final ValueTests tests;
    private int likes;

    Compiler(IlikeRewrite rewrite) {
      this.tests = new ValueTests(() -> rewrite.isCaseInsensitive(likes++) ? 1 : 0);
    }

    @Override
    public Predicate<IndexedJson> visitAnd(List<Predicate<IndexedJson>> all) {
      Predicate<IndexedJson>[] parts = array(all);
      return json -> {
        for (Predicate<IndexedJson> p : parts) {
          if (!p.test(json)) {
            return false;
          }
        }
        return true;
      };
    }

    @Override
    public Predicate<IndexedJson> visitOr(List<Predicate<IndexedJson>> any) {
      Predicate<IndexedJson>[] parts = array(any);
      return json -> {
        for (Predicate<IndexedJson> p : parts) {
          if (p.test(json)) {
            return true;
          }
        }
        return false;
      };
    }

    @Override
    public Predicate<IndexedJson> visitNor(List<Predicate<IndexedJson>> none) {
      return visitOr(none).negate();
    }

    @Override
    public Predicate<IndexedJson> visitAny() {
      return json -> true;
    }

    @Override
    public Predicate<IndexedJson> visitExists(ExistsFieldExpression expression) {
      FieldPath field = expression.acceptExistsVisitor(FieldPath.POINTERS);
      return field::exists;
    }

    @Override
    public Predicate<IndexedJson> visitField(
        FilterFieldExpression expression, org.eclipse.ditto.rql.query.criteria.Predicate p) {
      FieldPath field = expression.acceptFilterVisitor(FieldPath.POINTERS);
      ValueTests.FieldTest test = p.accept(tests);
      return json -> test.test(json, field);
    }

    @SuppressWarnings("unchecked")
    private static Predicate<IndexedJson>[] array(List<Predicate<IndexedJson>> list) {
      return list.toArray(new Predicate[0]);
    }
  }
}
