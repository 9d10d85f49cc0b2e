package io.greentwin.gateway.rql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

class ThingFilterTest {
  static final Thing RACK =
      ThingsModelFactory.newThing(
              JsonFactory.readFrom(
                      """
                      {"thingId":"greentwin.test:b1-k01","attributes":{"name":"k01","row":3},
                       "features":{"coolant":{"properties":{"supplyTempC":45.5}},
                                   "fan":{"properties":{"rpm":1200}}}}""")
                  .asObject())
          .toBuilder()
          .setRevision(7)
          .setModified(Instant.parse("2026-05-01T10:00:00Z"))
          .build();

  static boolean matches(String rql) {
    return ThingFilter.parse(rql).test(RACK);
  }

  @Test
  void comparesAttributesAndFeaturePropertiesWithTheirJsonTypes() {
    assertThat(matches("eq(attributes/name,\"k01\")")).isTrue();
    assertThat(matches("gt(features/coolant/properties/supplyTempC,45)")).isTrue();
    assertThat(matches("le(attributes/row,2)")).isFalse();
    assertThat(matches("in(features/fan/properties/rpm,1000,1200)")).isTrue();
    assertThat(matches("like(attributes/name,\"k*\")")).isTrue();
    assertThat(matches("eq(thingId,\"greentwin.test:b1-k01\")")).isTrue();
  }

  @Test
  void combinesWithAndOrNotAndTestsExistence() {
    assertThat(matches("and(exists(features/fan),not(exists(features/pump)))")).isTrue();
    assertThat(matches("or(eq(attributes/row,4),eq(attributes/row,3))")).isTrue();
    assertThat(matches("and(eq(attributes/row,3),eq(attributes/name,\"k02\"))")).isFalse();
  }

  @Test
  void aMissingFieldMatchesOnlyNotEqual() {
    assertThat(matches("eq(attributes/missing,1)")).isFalse();
    assertThat(matches("ne(attributes/missing,1)")).isTrue();
  }

  @Test
  void revisionAndModifiedAreFilterableAsInDitto() {
    assertThat(matches("eq(_revision,7)")).isTrue();
    assertThat(matches("gt(_modified,\"2026-05-01T09:00:00Z\")")).isTrue();
    assertThat(matches("lt(_modified,\"2026-05-01T09:00:00Z\")")).isFalse();
  }

  @Test
  void invalidExpressionIsDittosInvalidRqlError() {
    assertThatThrownBy(() -> ThingFilter.parse("eq(attributes/name"))
        .isInstanceOf(InvalidRqlExpressionException.class)
        .extracting(e -> ((InvalidRqlExpressionException) e).getErrorCode())
        .isEqualTo("rql.expression.invalid");
    assertThatThrownBy(() -> ThingFilter.parse("eq(nofield,1)"))
        .isInstanceOf(InvalidRqlExpressionException.class);
  }

  @Test
  void keepsItsExpression() {
    assertThat(ThingFilter.parse("exists(attributes/name)").expression())
        .isEqualTo("exists(attributes/name)");
  }

  @Test
  void fieldsAreThePointersTheExpressionReferences() {
    ThingFilter f =
        ThingFilter.parse(
            "and(gt(features/compute/properties/powerW,1),"
                + "or(exists(attributes/name),in(attributes/site,\"a\",\"b\")))");

    assertThat(f.fields())
        .containsExactlyInAnyOrder(
            org.eclipse.ditto.json.JsonPointer.of("/features/compute/properties/powerW"),
            org.eclipse.ditto.json.JsonPointer.of("/attributes/name"),
            org.eclipse.ditto.json.JsonPointer.of("/attributes/site"));
    assertThat(ThingFilter.fieldsOf("eq(topic:action,\"created\")")).isEmpty();
  }
}
