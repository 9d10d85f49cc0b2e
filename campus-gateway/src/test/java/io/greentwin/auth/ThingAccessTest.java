package io.greentwin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.things.CampusThings;
import io.greentwin.twin.EventKind;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinWrite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.base.model.auth.AuthorizationSubject;
import org.eclipse.ditto.base.model.auth.DittoAuthorizationContextType;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThingAccessTest {
  private static final ThingId SERVER = ThingId.of("org.test:server-1");
  private static final Thing THING =
      ThingsModelFactory.newThingBuilder()
          .setId(SERVER)
          .setPolicyId(CampusThings.policyId("org.test"))
          .setDefinition(ThingsModelFactory.newDefinition("brick:Server:1.4"))
          .setAttributes(JsonObject.newBuilder().set("name", "Server 1").set("rackU", 12).build())
          .setFeature(
              "compute",
              ThingsModelFactory.newFeaturePropertiesBuilder()
                  .set("utilisationPct", 40)
                  .set("powerW", 300)
                  .build())
          .setFeature(
              "kpi", ThingsModelFactory.newFeaturePropertiesBuilder().set("pue", 1.2).build())
          .setFeature(
              "heat", ThingsModelFactory.newFeaturePropertiesBuilder().set("heatKw", 3.1).build())
          .build();

  private final Clock clock =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), Clock.systemUTC().getZone());
  private final TwinService twins = new InMemoryTwinService(clock);
  private final PolicyStore policies = PolicyStore.withCampusPolicies(clock, List.of("org.test"));
  private final ThingAccess access = new ThingAccess(twins, policies);

  @AfterEach
  void close() {
    twins.close();
  }

  @Test
  void plannerSeesAttributesKpiAndHeatButNotServerInternals() {
    JsonObject view = access.readableView(THING, null, as(Role.PLANNER));

    assertThat(view.getValue("thingId")).contains(JsonValue.of(SERVER.toString()));
    assertThat(view.getValue("attributes/name")).contains(JsonValue.of("Server 1"));
    assertThat(view.getValue("features/kpi/properties/pue")).contains(JsonValue.of(1.2));
    assertThat(view.getValue("features/heat/properties/heatKw")).contains(JsonValue.of(3.1));
    assertThat(view.contains(JsonPointer.of("features/compute"))).isFalse();
    assertThat(view.contains(JsonPointer.of("policyId"))).isFalse();
    assertThat(view.contains(JsonPointer.of("definition"))).isFalse();
  }

  @Test
  void adminAndOpsSeeTheWholeThing() {
    assertThat(access.readableView(THING, null, as(Role.ADMIN))).isEqualTo(THING.toJson());
    assertThat(access.readableView(THING, null, as(Role.OPS))).isEqualTo(THING.toJson());
  }

  @Test
  void selectedFieldsAreFilteredToo() {
    JsonObject view =
        access.readableView(
            THING,
            org.eclipse.ditto.json.JsonFactory.newFieldSelector("thingId", "features"),
            as(Role.PLANNER));

    assertThat(view.getValue("features").orElseThrow().asObject().getKeys())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("kpi", "heat");
  }

  @Test
  void thingWithNothingReadableIsNotFoundAsInDitto() {
    assertThatThrownBy(() -> access.readableView(THING, null, subject("greentwin:mallory")))
        .isInstanceOfSatisfying(
            DittoRuntimeException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("things:thing.notfound");
              assertThat(e.getHttpStatus().getCode()).isEqualTo(404);
            });
  }

  @Test
  void thingWhosePolicyDoesNotExistAllowsNothing() {
    Thing orphan = THING.setPolicyId(PolicyId.of("org.test:gone"));

    assertThat(access.canRead(orphan, JsonPointer.empty(), as(Role.ADMIN))).isFalse();
    assertThatThrownBy(() -> access.readableView(orphan, null, as(Role.ADMIN)))
        .hasFieldOrPropertyWithValue("errorCode", "things:thing.notfound");
  }

  @Test
  void revokeAtADeeperPathWinsOverTheGrantAbove() {
    AuthorizationContext planner = as(Role.PLANNER);

    assertThat(access.canRead(THING, JsonPointer.of("/features"), planner)).isTrue();
    assertThat(access.canRead(THING, JsonPointer.of("/features/kpi/properties/pue"), planner))
        .isTrue();
    assertThat(access.canRead(THING, JsonPointer.of("/features/compute"), planner)).isFalse();
    assertThat(
            access.canRead(THING, JsonPointer.of("/features/compute/properties/powerW"), planner))
        .isFalse();
    assertThat(access.canRead(THING, JsonPointer.of("/policyId"), planner)).isFalse();
  }

  @Test
  void readingAnUnreadableSubResourceIsDittosNotFoundForIt() {
    JsonPointer compute = JsonPointer.of("/features/compute");
    JsonValue value = THING.toJson().getValue(compute).orElseThrow();

    assertThatThrownBy(() -> access.readableValue(THING, compute, value, as(Role.PLANNER)))
        .hasFieldOrPropertyWithValue("errorCode", "things:feature.notfound");
  }

  @Test
  void readableSubResourceIsReducedToItsReadableParts() {
    JsonPointer features = JsonPointer.of("/features");
    JsonValue value = THING.toJson().getValue(features).orElseThrow();

    JsonValue view = access.readableValue(THING, features, value, as(Role.PLANNER));

    assertThat(view.asObject().getKeys()).extracting(Object::toString).containsOnly("kpi", "heat");
  }

  @Test
  void revokeOfOnePropertyHidesOnlyThatProperty() {
    PolicyId custom = PolicyId.of("org.test:custom");
    policies.put(
        Policy.newBuilder(custom)
            .forLabel("viewer")
            .setSubject("greentwin:viewer", org.eclipse.ditto.policies.model.SubjectType.GENERATED)
            .setGrantedPermissions(PoliciesResourceType.thingResource("/"), "READ")
            .setRevokedPermissions(
                PoliciesResourceType.thingResource("/features/compute/properties/powerW"), "READ")
            .build());

    JsonObject view =
        access.readableView(THING.setPolicyId(custom), null, subject("greentwin:viewer"));

    assertThat(view.getValue("features/compute/properties/utilisationPct")).isPresent();
    assertThat(view.getValue("features/compute/properties/powerW")).isEmpty();
  }

  @Test
  void writeWithoutPermissionIsDittosNotModifiableForThatResource() {
    TwinWrite rename =
        TwinWrite.put(SERVER, JsonPointer.of("/attributes/name"), JsonValue.of("x"), "test");

    assertThatThrownBy(() -> access.checkWrite(THING, rename, as(Role.OPERATOR)))
        .isInstanceOfSatisfying(
            DittoRuntimeException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("things:attribute.notmodifiable");
              assertThat(e.getHttpStatus().getCode()).isEqualTo(403);
            });
    assertThatThrownBy(
            () ->
                access.checkWrite(
                    THING,
                    TwinWrite.put(SERVER, JsonPointer.empty(), THING.toJson(), "test"),
                    as(Role.OPERATOR)))
        .hasFieldOrPropertyWithValue("errorCode", "things:thing.notmodifiable");
  }

  @Test
  void operatorWritesFeaturesButNotTheRestOfTheThing() {
    JsonPointer setpoint = JsonPointer.of("/features/compute/properties/powerW");

    assertThat(access.canWrite(THING, setpoint, as(Role.OPERATOR))).isTrue();
    assertThatCode(
            () ->
                access.checkWrite(
                    THING,
                    TwinWrite.put(SERVER, setpoint, JsonValue.of(320), "t"),
                    as(Role.OPERATOR)))
        .doesNotThrowAnyException();
    assertThat(access.canWrite(THING, JsonPointer.of("/policyId"), as(Role.OPERATOR))).isFalse();
    assertThat(access.canWrite(THING, JsonPointer.of("/features"), as(Role.PLANNER))).isFalse();
  }

  @Test
  void aChangedPolicyDecidesTheNextWriteAndReadThoughEarlierOnesWereRemembered() {
    JsonPointer compute = JsonPointer.of("/features/compute");
    PolicyId id = CampusThings.policyId("org.test");
    assertThat(access.canWrite(THING, compute, as(Role.OPERATOR))).isTrue();
    assertThat(access.canRead(THING, compute, as(Role.OPS))).isTrue();
    policies.update(
        id,
        (old, enforcer) ->
            old.toBuilder()
                .forLabel(Role.OPERATOR.configName())
                .setRevokedPermissions(
                    PoliciesResourceType.thingResource("/features/compute"), CampusPolicy.WRITE)
                .forLabel(Role.OPS.configName())
                .setRevokedPermissions(
                    PoliciesResourceType.thingResource("/features/compute"), CampusPolicy.READ)
                .build());
    assertThat(access.canWrite(THING, compute, as(Role.OPERATOR))).isFalse();
    assertThat(access.canRead(THING, compute, as(Role.OPS))).isFalse();
  }

  @Test
  void mergeNeedsWriteOnEveryLeafItSets() {
    TwinWrite featuresOnly =
        TwinWrite.merge(
            SERVER,
            JsonPointer.empty(),
            JsonObject.newBuilder().set(JsonPointer.of("features/kpi/properties/pue"), 1.3).build(),
            "t");
    TwinWrite withAttribute =
        TwinWrite.merge(
            SERVER,
            JsonPointer.empty(),
            JsonObject.newBuilder()
                .set(JsonPointer.of("features/kpi/properties/pue"), 1.3)
                .set(JsonPointer.of("attributes/name"), "renamed")
                .build(),
            "t");

    assertThatCode(() -> access.checkWrite(THING, featuresOnly, as(Role.OPERATOR)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.checkWrite(THING, withAttribute, as(Role.OPERATOR)))
        .hasFieldOrPropertyWithValue("errorCode", "things:thing.notmodifiable");
  }

  @Test
  void deletingTheThingNeedsWriteOnAllOfIt() {
    TwinWrite delete = TwinWrite.delete(SERVER, JsonPointer.empty(), "t");

    assertThatCode(() -> access.checkWrite(THING, delete, as(Role.ADMIN)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.checkWrite(THING, delete, as(Role.OPS)))
        .hasFieldOrPropertyWithValue("errorCode", "things:thing.notdeletable");
  }

  @Test
  void creatingAThingIsDecidedByTheNewThingsPolicy() {
    TwinWrite create = TwinWrite.put(SERVER, JsonPointer.empty(), THING.toJson(), "t");
    TwinWrite orphan =
        TwinWrite.put(
            SERVER,
            JsonPointer.empty(),
            THING.setPolicyId(PolicyId.of("org.test:gone")).toJson(),
            "t");

    assertThatCode(() -> access.checkWrite(null, create, as(Role.ADMIN)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.checkWrite(null, create, as(Role.OPERATOR)))
        .hasFieldOrPropertyWithValue("errorCode", "things:thing.notmodifiable");
    assertThatThrownBy(() -> access.checkWrite(null, orphan, as(Role.ADMIN)))
        .hasFieldOrPropertyWithValue("errorCode", "things:thing.notmodifiable");
  }

  @Test
  void thingIdsResolveThroughTheTwinService() {
    twins.write(TwinWrite.put(SERVER, JsonPointer.empty(), THING.toJson(), "t")).join();

    assertThat(access.canRead(SERVER, JsonPointer.of("/features/kpi"), as(Role.PLANNER))).isTrue();
    assertThat(access.canWrite(SERVER, JsonPointer.of("/features"), as(Role.OPERATOR))).isTrue();
    assertThat(access.canRead(ThingId.of("org.test:absent"), JsonPointer.empty(), as(Role.ADMIN)))
        .isFalse();
  }

  @Test
  void eventsGoOnlyToSubscribersAllowedToReadTheChangedPath() {
    twins.write(TwinWrite.put(SERVER, JsonPointer.empty(), THING.toJson(), "t")).join();
    TwinEvent pue = event(EventKind.MODIFIED, "/features/kpi/properties/pue", JsonValue.of(1.3));
    TwinEvent power =
        event(EventKind.MODIFIED, "/features/compute/properties/powerW", JsonValue.of(310));

    assertThat(access.canSeeEvent(pue, as(Role.PLANNER))).isTrue();
    assertThat(access.canSeeEvent(power, as(Role.PLANNER))).isFalse();
    assertThat(access.canSeeEvent(power, as(Role.OPS))).isTrue();
    assertThat(access.canSeeEvent(pue, subject("greentwin:mallory"))).isFalse();
  }

  @Test
  void eventsThatTouchReadableAndUnreadablePartsAreReducedToTheReadable() {
    twins.write(TwinWrite.put(SERVER, JsonPointer.empty(), THING.toJson(), "t")).join();
    JsonObject patch =
        JsonObject.newBuilder()
            .set(JsonPointer.of("kpi/properties/pue"), 1.4)
            .set(JsonPointer.of("compute/properties/powerW"), 330)
            .build();
    TwinEvent merged = event(EventKind.MERGED, "/features", patch);
    TwinEvent onlyCompute =
        event(
            EventKind.MERGED,
            "/features",
            JsonObject.newBuilder().set(JsonPointer.of("compute/properties/powerW"), 330).build());

    assertThat(access.visibleEventValue(merged, as(Role.PLANNER)))
        .contains(JsonObject.newBuilder().set(JsonPointer.of("kpi/properties/pue"), 1.4).build());
    assertThat(access.visibleEventValue(merged, as(Role.ADMIN))).contains(patch);
    assertThat(access.canSeeEvent(onlyCompute, as(Role.PLANNER))).isFalse();
  }

  @Test
  void creationAndDeletionEventsFollowTheThingsPolicy() {
    TwinEvent created = event(EventKind.CREATED, "/", THING.toJson());
    TwinEvent deleted = event(EventKind.DELETED, "/", JsonValue.nullLiteral());

    JsonValue plannerView = access.visibleEventValue(created, as(Role.PLANNER)).orElseThrow();
    assertThat(plannerView.asObject().getValue("thingId")).isPresent();
    assertThat(plannerView.asObject().contains(JsonPointer.of("features/compute"))).isFalse();
    assertThat(access.canSeeEvent(deleted, as(Role.PLANNER))).isTrue();
    assertThat(access.canSeeEvent(deleted, subject("greentwin:mallory"))).isFalse();
  }

  private static TwinEvent event(EventKind kind, String path, JsonValue value) {
    return new TwinEvent(
        SERVER, kind, JsonPointer.of(path), value, 2, Instant.parse("2026-01-01T00:00:01Z"), "t");
  }

  private static AuthorizationContext as(Role role) {
    return new AuthSubject(role.configName(), role, DittoAuthorizationContextType.JWT)
        .authorizationContext();
  }

  private static AuthorizationContext subject(String id) {
    return AuthorizationContext.newInstance(
        DittoAuthorizationContextType.UNSPECIFIED, AuthorizationSubject.newInstance(id));
  }
}
