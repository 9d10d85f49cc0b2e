package io.greentwin.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.rql.parser.RqlPredicateParser;
import org.eclipse.ditto.rql.query.filter.QueryFilterCriteriaFactory;
import org.eclipse.ditto.rql.query.things.ThingPredicateVisitor;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

class SearchFilterTest {
  static final List<Thing> THINGS =
      List.of(
          thing(
              """
              {"thingId":"a:one","policyId":"a:p","attributes":{"n":1,"x":2.5,"s":"Hello","b":true},
               "features":{"f":{"properties":{"v":10,"w":"low"}}},"_revision":3}"""),
          thing(
              """
              {"thingId":"a:two","attributes":{"n":2,"x":-1,"s":"world","b":false},
               "features":{"f":{"properties":{"v":20}},"g":{"properties":{"w":"high"}}},"_revision":7}"""),
          thing("{\"thingId\":\"b:three\",\"attributes\":{\"n\":3},\"_revision\":1}"),
          thing("{\"thingId\":\"b:four\",\"_revision\":2}"));

  /** Filters where Ditto's search semantics and its in-memory evaluator agree. */
  static final List<String> SHARED =
      List.of(
          "eq(attributes/n,1)",
          "eq(attributes/s,\"Hello\")",
          "eq(attributes/b,true)",
          "gt(attributes/n,1)",
          "ge(attributes/x,2.5)",
          "lt(attributes/x,0)",
          "le(attributes/n,2)",
          "in(attributes/n,1,3)",
          "in(thingId,\"a:two\",\"b:four\")",
          "like(attributes/s,\"H*\")",
          "like(attributes/s,\"?orld\")",
          "like(thingId,\"*:t*\")",
          "exists(features/f)",
          "exists(features/g/properties/w)",
          "exists(attributes/s)",
          "eq(_namespace,\"b\")",
          "gt(_revision,2)",
          "eq(policyId,\"a:p\")",
          "and(gt(attributes/n,1),exists(features/f))",
          "or(eq(attributes/n,3),eq(features/f/properties/v,10))",
          "not(eq(attributes/n,2))",
          "not(or(exists(features/g),eq(attributes/n,3)))");

  @Test
  void agreesWithDittosOwnEvaluatorWhereDittosSemanticsAgree() {
    QueryFilterCriteriaFactory criteria =
        QueryFilterCriteriaFactory.modelBased(RqlPredicateParser.getInstance());
    for (String rql : SHARED) {
      var ditto =
          ThingPredicateVisitor.apply(
              criteria.filterCriteria(rql, DittoHeaders.empty()), List.of());
      SearchFilter ours = SearchFilter.parse(rql);
      for (Thing t : THINGS) {
        assertThat(ours.test(t.toJson(f -> true)))
            .as("%s on %s", rql, t.getEntityId().orElseThrow())
            .isEqualTo(ditto.test(t));
      }
    }
  }

  @Test
  void neMatchesOnlyThingsThatHaveTheFieldAsDittosSearchDocumentsIt() {
    assertThat(matching("ne(attributes/n,1)")).containsExactly("a:two", "b:three");
  }

  @Test
  void comparesOnlyValuesOfTheSameJsonType() {
    assertThat(matching("eq(attributes/n,\"1\")")).isEmpty();
    assertThat(matching("gt(attributes/s,1)")).isEmpty();
    assertThat(matching("eq(attributes/x,-1.0)")).containsExactly("a:two");
  }

  @Test
  void ilikeIgnoresCaseAndLeavesOtherLikesCaseSensitive() {
    assertThat(matching("ilike(attributes/s,\"hello\")")).containsExactly("a:one");
    assertThat(
            matching(
                "or(like(attributes/s,\"WORLD\"),ilike(attributes/s,\"WORLD\"),like(thingId,\"b:*\"))"))
        .containsExactly("a:two", "b:three", "b:four");
    assertThat(matching("like(attributes/s,\"ilike(*\")")).isEmpty();
  }

  @Test
  void featureWildcardMatchesAPropertyInAnyFeature() {
    assertThat(matching("eq(features/*/properties/w,\"high\")")).containsExactly("a:two");
    assertThat(matching("exists(features/*/properties/w)")).containsExactly("a:one", "a:two");
  }

  @Test
  void rejectsInvalidExpressionsWithDittosException() {
    assertThatThrownBy(() -> SearchFilter.parse("and(eq(attributes/n,1)"))
        .isInstanceOf(InvalidRqlExpressionException.class);
    assertThatThrownBy(() -> SearchFilter.parse("ilike(colour,\"x\")"))
        .isInstanceOf(InvalidRqlExpressionException.class);
  }

  static List<String> matching(String rql) {
    SearchFilter f = SearchFilter.parse(rql);
    return THINGS.stream()
        .filter(t -> f.test(t.toJson(x -> true)))
        .map(t -> t.getEntityId().orElseThrow().toString())
        .toList();
  }

  static Thing thing(String json) {
    return ThingsModelFactory.newThing(json);
  }
}
