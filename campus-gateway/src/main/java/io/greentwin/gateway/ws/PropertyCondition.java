package io.greentwin.gateway.ws;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.rql.query.criteria.Criteria;
import org.eclipse.ditto.rql.query.criteria.Predicate;
import org.eclipse.ditto.rql.query.criteria.visitors.CriteriaVisitor;
import org.eclipse.ditto.rql.query.criteria.visitors.PredicateVisitor;
import org.eclipse.ditto.rql.query.expression.ExistsFieldExpression;
import org.eclipse.ditto.rql.query.expression.FeatureIdPropertyExpression;
import org.eclipse.ditto.rql.query.expression.FilterFieldExpression;
import org.eclipse.ditto.things.model.Thing;

/**
 * A parsed condition shape ({@link RqlShapeCache}) of {@code and or not exists} and {@code lt le gt
 * ge} of feature properties against string literals — the sync job's {@code observedAt} guard —
 * answered from the model directly: a property's value read through the thing's features, as
 * Ditto's {@code ThingPredicateVisitor} reads it from the thing's JSON, compared as Ditto compares
 * two strings ({@code String#compareTo}); an absent property matches no comparison. Where the
 * property holds anything but a string, Ditto's comparison (numbers as decimals, mixed types as
 * text) is not repeated here: the answer is {@code null}, undecided, and Ditto decides.
 */
final class PropertyCondition {
  private final Node root;

  private PropertyCondition(Node root) {
    this.root = root;
  }

  /** One node: true or false, or null when Ditto must decide. */
  private interface Node {
    Boolean test(Thing thing, List<String> literals);
  }

  /** A comparison's operator and the index of its literal. */
  private record Comparison(String op, int literal) {}

  /** The condition of a shape's criteria, or null when it holds anything else. */
  static PropertyCondition compile(Criteria shape) {
    Node root = shape.accept(new Compiler());
    return root == null ? null : new PropertyCondition(root);
  }

  /** The answer for a thing with the filter's own literals, or null when undecided. */
  Boolean test(Thing thing, List<String> literals) {
    return root.test(thing, literals);
  }

  private static JsonValue property(Thing t, String feature, JsonPointer pointer) {
    return t.getFeatures()
        .flatMap(fs -> fs.getFeature(feature))
        .flatMap(f -> f.getProperty(pointer))
        .orElse(null);
  }

  /** Builds the nodes; null for anything this class does not answer. */
  private static final class Compiler implements CriteriaVisitor<Node> {
    @Override
    public Node visitAnd(List<Node> conjoints) {
      return all(conjoints, false);
    }

    @Override
    public Node visitOr(List<Node> disjoints) {
      return all(disjoints, true);
    }

    @Override
    public Node visitNor(List<Node> negativeDisjoints) {
      Node any = all(negativeDisjoints, true);
      return any == null
          ? null
          : (t, l) -> {
            Boolean r = any.test(t, l);
            return r == null ? null : !r;
          };
    }

    @Override
    public Node visitAny() {
      return (t, l) -> true;
    }

    @Override
    public Node visitExists(ExistsFieldExpression field) {
      if (!(field instanceof FeatureIdPropertyExpression p) || !isPlain(p)) {
        return null;
      }
      String feature = p.getFeatureId();
      JsonPointer pointer = JsonPointer.of(p.getProperty());
      return (t, l) -> property(t, feature, pointer) != null;
    }

    @Override
    public Node visitField(FilterFieldExpression field, Predicate predicate) {
      Comparison c = predicate.accept(new Comparisons());
      if (c == null || !(field instanceof FeatureIdPropertyExpression p) || !isPlain(p)) {
        return null;
      }
      String feature = p.getFeatureId();
      JsonPointer pointer = JsonPointer.of(p.getProperty());
      return (t, l) -> {
        JsonValue v = property(t, feature, pointer);
        if (v == null) {
          return false;
        }
        if (!v.isString()) {
          return null;
        }
        int order = v.asString().compareTo(l.get(c.literal()));
        return switch (c.op()) {
          case "lt" -> order < 0;
          case "le" -> order <= 0;
          case "gt" -> order > 0;
          default -> order >= 0;
        };
      };
    }

    /** And ({@code stopAt} false) or or ({@code stopAt} true) of the nodes, in order. */
    private static Node all(List<Node> nodes, boolean stopAt) {
      if (nodes.contains(null)) {
        return null;
      }
      List<Node> copy = new ArrayList<>(nodes);
      return (t, l) -> {
        for (Node n : copy) {
          Boolean r = n.test(t, l);
          if (r == null) {
            return null;
          }
          if (r == stopAt) {
            return stopAt;
          }
        }
        return !stopAt;
      };
    }

    /** Feature ids and property names that read the same as a pointer and as a name. */
    private static boolean isPlain(FeatureIdPropertyExpression p) {
      return isPlainName(p.getFeatureId()) && isPlainName(p.getProperty());
    }

    private static boolean isPlainName(String s) {
      return !s.isEmpty()
          && s.chars()
              .allMatch(c -> (Character.isLetterOrDigit(c) && c < 0x80) || c == '_' || c == '-');
    }
  }

  /** {@code lt le gt ge} of a stand-in literal; null for any other predicate or value. */
  private static final class Comparisons implements PredicateVisitor<Comparison> {
    @Override
    public Comparison visitLt(Object value) {
      return of("lt", value);
    }

    @Override
    public Comparison visitLe(Object value) {
      return of("le", value);
    }

    @Override
    public Comparison visitGt(Object value) {
      return of("gt", value);
    }

    @Override
    public Comparison visitGe(Object value) {
      return of("ge", value);
    }

    @Override
    public Comparison visitEq(Object value) {
      return null;
    }

    @Override
    public Comparison visitNe(Object value) {
      return null;
    }

    @Override
    public Comparison visitLike(String value) {
      return null;
    }

    @Override
    public Comparison visitIn(List<?> values) {
      return null;
    }

    private static Comparison of(String op, Object value) {
      return value instanceof String s && RqlShapeCache.isStandIn(s)
          ? new Comparison(op, RqlShapeCache.standInIndex(s))
          : null;
    }
  }
}
