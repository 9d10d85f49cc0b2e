package io.greentwin.gateway.ws;

import io.greentwin.cache.BoundedMemo;
import io.greentwin.gateway.rql.ThingFilter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.rql.query.criteria.Criteria;
import org.eclipse.ditto.rql.query.criteria.CriteriaFactory;
import org.eclipse.ditto.rql.query.criteria.Predicate;
import org.eclipse.ditto.rql.query.criteria.visitors.CriteriaVisitor;
import org.eclipse.ditto.rql.query.criteria.visitors.PredicateVisitor;
import org.eclipse.ditto.rql.query.expression.ExistsFieldExpression;
import org.eclipse.ditto.rql.query.expression.FilterFieldExpression;

/**
 * RQL filters parsed once per <em>shape</em>: a sync job's conditions differ from merge to merge
 * only in their quoted timestamps ({@code le(features/X/properties/observedAt,"2026-…Z")}), and
 * Ditto's parser costs more than the rest of the merge. The shape is the filter with every string
 * literal replaced by a numbered stand-in literal; Ditto's parser parses it once, and each filter
 * of that shape gets Ditto's criteria of the shape with its own literals put back in place.
 *
 * <p>Only literals of printable ASCII without quotes or backslashes are stood in for (nothing the
 * parser unescapes), and a shape whose criteria hold anything other than the stand-ins where the
 * literals were (a {@code like} pattern, a placeholder) is never cached: such filters, invalid ones
 * and the first of each shape are parsed whole, so errors are exactly the parser's. Thread-safe.
 */
final class RqlShapeCache {
  private static final int MAX_SHAPES = 1_024;
  private static final String STAND_IN = "#";

  private final BoundedMemo<String, Optional<Shape>> shapes = new BoundedMemo<>(MAX_SHAPES);

  /**
   * A parsed shape: Ditto's criteria with stand-ins, the fields it references, their projection
   * (null: none), and the shape answered from the model where it can be ({@link PropertyCondition},
   * else null).
   */
  private record Shape(
      Criteria criteria,
      Set<JsonPointer> fields,
      ThingProjection projection,
      PropertyCondition direct) {}

  /** A filter split into its shape and its string literals. */
  record Template(String shape, List<String> literals) {}

  /** As {@link RqlThingFilter#parse}, parsing each shape only once. */
  RqlThingFilter parse(String rql, DittoHeaders headers) {
    return parse(rql, () -> headers);
  }

  /** As {@link #parse(String, DittoHeaders)}, with the headers built only for the parser. */
  RqlThingFilter parse(String rql, Supplier<DittoHeaders> headers) {
    Template t = rql == null ? null : template(rql);
    if (t == null || t.literals().isEmpty()) {
      return RqlThingFilter.parse(rql, headers.get());
    }
    Optional<Shape> shape = shapes.peek(t.shape());
    if (shape == null) {
      RqlThingFilter whole = RqlThingFilter.parse(rql, headers.get()); // invalid: its error
      remember(t);
      return whole;
    }
    if (shape.isEmpty()) {
      return RqlThingFilter.parse(rql, headers.get());
    }
    Shape s = shape.get();
    PropertyCondition direct = s.direct();
    return RqlThingFilter.of(
        rql,
        () -> s.criteria().accept(new Binder(t.literals(), null)),
        s.fields(),
        s.projection(),
        direct == null ? null : thing -> direct.test(thing, t.literals()));
  }

  /** True when filters of this one's shape are bound to a parsed shape (tests). */
  boolean parsesByShape(String rql) {
    return remembered(rql).isPresent();
  }

  /** True when filters of this one's shape are answered from the model where they can (tests). */
  boolean answersFromTheModel(String rql) {
    return remembered(rql).map(Shape::direct).isPresent();
  }

  /** The shape remembered for a filter's, if any (tests). */
  private Optional<Shape> remembered(String rql) {
    Template t = template(rql);
    Optional<Shape> shape = t == null ? null : shapes.peek(t.shape());
    return shape == null ? Optional.empty() : shape;
  }

  private void remember(Template t) {
    shapes.get(t.shape(), k -> shapeOf(t));
  }

  private static Optional<Shape> shapeOf(Template t) {
    try {
      Criteria criteria = RqlThingFilter.criteria(t.shape(), DittoHeaders.empty());
      BitSet used = new BitSet();
      criteria.accept(new Binder(t.literals(), used));
      if (used.cardinality() != t.literals().size()) {
        return Optional.empty();
      }
      Set<JsonPointer> fields = ThingFilter.fieldsOf(t.shape());
      return Optional.of(
          new Shape(
              criteria, fields, ThingProjection.of(fields), PropertyCondition.compile(criteria)));
    } catch (RuntimeException notCacheable) {
      return Optional.empty();
    }
  }

  /** True when a string value of a parsed shape is a stand-in for a literal. */
  static boolean isStandIn(String value) {
    return value.length() > STAND_IN.length()
        && value.startsWith(STAND_IN)
        && value.chars().skip(STAND_IN.length()).allMatch(c -> c >= '0' && c <= '9');
  }

  /** The index of the literal a stand-in stands for. */
  static int standInIndex(String standIn) {
    return Integer.parseInt(standIn.substring(STAND_IN.length()));
  }

  /**
   * The shape and literals of a filter; null when a literal holds anything but printable ASCII
   * other than a backslash, or the filter has a single quote or an unterminated literal.
   */
  static Template template(String rql) {
    StringBuilder shape = new StringBuilder(rql.length());
    List<String> literals = new ArrayList<>(4);
    for (int i = 0; i < rql.length(); i++) {
      char c = rql.charAt(i);
      if (c == '\'') {
        return null;
      }
      if (c != '"') {
        shape.append(c);
        continue;
      }
      int end = rql.indexOf('"', i + 1);
      if (end < 0) {
        return null;
      }
      for (int j = i + 1; j < end; j++) {
        char l = rql.charAt(j);
        if (l < 0x20 || l > 0x7e || l == '\\') {
          return null;
        }
      }
      shape.append('"').append(STAND_IN).append(literals.size()).append('"');
      literals.add(rql.substring(i + 1, end));
      i = end;
    }
    return new Template(shape.toString(), literals);
  }

  /**
   * Rebuilds criteria with each stand-in replaced by its literal; throws on any other string value
   * and on {@code like} (whose pattern Ditto may treat specially). Records the stand-ins used.
   */
  private record Binder(List<String> literals, BitSet used)
      implements CriteriaVisitor<Criteria>, PredicateVisitor<Predicate> {
    private static final CriteriaFactory CF = CriteriaFactory.getInstance();

    @Override
    public Criteria visitAnd(List<Criteria> conjoints) {
      return CF.and(conjoints);
    }

    @Override
    public Criteria visitAny() {
      return CF.any();
    }

    @Override
    public Criteria visitExists(ExistsFieldExpression field) {
      return CF.existsCriteria(field);
    }

    @Override
    public Criteria visitField(FilterFieldExpression field, Predicate predicate) {
      return CF.fieldCriteria(field, predicate.accept(this));
    }

    @Override
    public Criteria visitNor(List<Criteria> negativeDisjoints) {
      return CF.nor(negativeDisjoints);
    }

    @Override
    public Criteria visitOr(List<Criteria> disjoints) {
      return CF.or(disjoints);
    }

    @Override
    public Predicate visitEq(Object value) {
      return CF.eq(bind(value));
    }

    @Override
    public Predicate visitGe(Object value) {
      return CF.ge(bind(value));
    }

    @Override
    public Predicate visitGt(Object value) {
      return CF.gt(bind(value));
    }

    @Override
    public Predicate visitLe(Object value) {
      return CF.le(bind(value));
    }

    @Override
    public Predicate visitLt(Object value) {
      return CF.lt(bind(value));
    }

    @Override
    public Predicate visitNe(Object value) {
      return CF.ne(bind(value));
    }

    @Override
    public Predicate visitLike(String value) {
      throw new IllegalStateException("like is not cached");
    }

    @Override
    public Predicate visitIn(List<?> values) {
      List<Object> bound = new ArrayList<>(values.size());
      for (Object v : values) {
        bound.add(bind(v));
      }
      return CF.in(bound);
    }

    private Object bind(Object value) {
      if (!(value instanceof String s)) {
        return value;
      }
      if (!isStandIn(s)) {
        throw new IllegalStateException("not a stand-in: " + s);
      }
      int i = standInIndex(s);
      if (used != null) {
        if (used.get(i)) {
          throw new IllegalStateException("stand-in used twice: " + s);
        }
        used.set(i);
      }
      return literals.get(i);
    }
  }
}
