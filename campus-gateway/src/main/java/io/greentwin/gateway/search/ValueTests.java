package io.greentwin.gateway.search;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.rql.query.criteria.visitors.PredicateVisitor;

/**
 * The relational operators of Ditto's search, evaluated on a thing's JSON. Semantics follow Ditto's
 * search documentation (basic-rql): values compare only with values of the same JSON type (numbers
 * numerically across int, long and double; strings by their characters; booleans), so {@code
 * eq(attributes/x,"5")} does not match the number 5; {@code ne} matches only things that have the
 * field; an array field matches when one of its elements does, as Ditto's search index does. {@code
 * like} receives the regular expression Ditto's own {@code LikeHelper} made of the wildcard
 * pattern.
 */
final class ValueTests implements PredicateVisitor<ValueTests.FieldTest> {
  /** A test of one field of a thing. */
  @FunctionalInterface
  interface FieldTest {
    boolean test(IndexedJson thing, FieldPath field);
  }

  private final IntSupplier nextLikeIsCaseInsensitive;

  /**
   * @param nextLikeIsCaseInsensitive answers, for each {@code like} in document order, 1 when it
   *     was an {@code ilike}
   */
  ValueTests(IntSupplier nextLikeIsCaseInsensitive) {
    this.nextLikeIsCaseInsensitive = nextLikeIsCaseInsensitive;
  }

  @Override
  public FieldTest visitEq(Object value) {
    return positive(equalTo(operand(value)));
  }

  @Override
  public FieldTest visitNe(Object value) {
    FieldTest eq = positive(equalTo(operand(value)));
    return (thing, field) -> field.exists(thing) && !eq.test(thing, field);
  }

  @Override
  public FieldTest visitGt(Object value) {
    return ordered(value, c -> c > 0);
  }

  @Override
  public FieldTest visitGe(Object value) {
    return ordered(value, c -> c >= 0);
  }

  @Override
  public FieldTest visitLt(Object value) {
    return ordered(value, c -> c < 0);
  }

  @Override
  public FieldTest visitLe(Object value) {
    return ordered(value, c -> c <= 0);
  }

  @Override
  public FieldTest visitIn(List<?> values) {
    List<Object> operands = values.stream().map(ValueTests::operand).toList();
    return positive(v -> operands.stream().anyMatch(r -> compare(v, r) == 0));
  }

  @Override
  public FieldTest visitLike(String regex) {
    boolean ignoreCase = nextLikeIsCaseInsensitive.getAsInt() == 1;
    if (regex == null) {
      return (thing, field) -> false;
    }
    Pattern p =
        ignoreCase
            ? Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            : Pattern.compile(regex);
    return positive(v -> v.isString() && p.matcher(v.asString()).matches());
  }

  /** Matches when the field has a value, or an array element, that passes. */
  private static FieldTest positive(Predicate<JsonValue> test) {
    Predicate<JsonValue> orElement =
        v -> test.test(v) || (v.isArray() && v.asArray().stream().anyMatch(test));
    return (thing, field) -> field.anyValue(thing, orElement);
  }

  private static FieldTest ordered(Object value, IntPredicate accepts) {
    Object r = operand(value);
    return positive(
        v -> {
          int c = compare(v, r);
          return c != NOT_COMPARABLE && accepts.test(c);
        });
  }

  private static Predicate<JsonValue> equalTo(Object r) {
    return v -> compare(v, r) == 0;
  }

  static final int NOT_COMPARABLE = Integer.MIN_VALUE;

  /**
   * Compares a JSON value with an RQL operand of the same type: negative, zero or positive; {@link
   * #NOT_COMPARABLE} for different types.
   */
  static int compare(JsonValue v, Object r) {
    if (r == null) {
      return v.isNull() ? 0 : NOT_COMPARABLE;
    } else if (r instanceof Long l) {
      if (!v.isNumber()) {
        return NOT_COMPARABLE;
      }
      return v.isLong() ? Long.compare(v.asLong(), l) : compareDoubles(v.asDouble(), l);
    } else if (r instanceof Double d) {
      return v.isNumber() ? compareDoubles(v.asDouble(), d) : NOT_COMPARABLE;
    } else if (r instanceof String s) {
      return v.isString() ? Integer.signum(v.asString().compareTo(s)) : NOT_COMPARABLE;
    } else if (r instanceof Boolean b) {
      return v.isBoolean() ? Boolean.compare(v.asBoolean(), b) : NOT_COMPARABLE;
    }
    return NOT_COMPARABLE;
  }

  private static int compareDoubles(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** The RQL value in the few types {@link #compare} knows; placeholders are not searchable. */
  private static Object operand(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    } else if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw InvalidRqlExpressionException.newBuilder()
        .message("The value <" + value + "> cannot be used in a search filter.")
        .description("Use a string, a number, true, false or null.")
        .build();
  }
}
