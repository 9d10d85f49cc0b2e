package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.testsupport.DittoClientFactory;
import io.greentwin.testsupport.TwinGateway;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.changes.ThingChange;
import org.eclipse.ditto.client.options.Options;
import org.eclipse.ditto.client.twin.TwinThingHandle;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.eclipse.ditto.things.model.signals.commands.exceptions.AttributeNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotModifiableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Eclipse Ditto Java client (2.4.0) against a gateway behind authentication with the
 * campus policy: what a Ditto user meets when the policy says no must look as it does in Ditto.
 */
class DittoClientPolicyIT {
  private static final String NS = "org.greentwin.policy";
  private static final ThingId SERVER = ThingId.of(NS, "server-1");

  private static TwinGateway gateway;
  private static DittoClient admin;

  @BeforeAll
  static void connect() throws Exception {
    gateway = TwinGateway.startSecured(List.of(NS));
    admin = DittoClientFactory.connect(gateway.endpoint(), "admin", "admin");
    await(
        admin
            .twin()
            .create(
                ThingsModelFactory.newThing(
                    JsonObject.of(
                        "{\"thingId\":\""
                            + SERVER
                            + "\",\"attributes\":{\"name\":\"Server 1\"},\"features\":{"
                            + "\"compute\":{\"properties\":{\"powerW\":300}},"
                            + "\"kpi\":{\"properties\":{\"pue\":1.2}}}}"))));
  }

  @AfterAll
  static void disconnect() throws Exception {
    admin.destroy();
    gateway.close();
  }

  @Test
  void forbiddenModifyByAReadOnlyUserFailsWithDittosNotModifiableExceptions() throws Exception {
    DittoClient ops = DittoClientFactory.connect(gateway.endpoint(), "ops", "ops");
    try {
      TwinThingHandle server = ops.twin().forId(SERVER);
      Thing before = await(server.retrieve());

      Throwable attribute = failure(server.putAttribute(JsonPointer.of("name"), "Hacked"));
      assertThat(attribute).isInstanceOf(AttributeNotModifiableException.class);
      assertThat(((DittoRuntimeException) attribute).getErrorCode())
          .isEqualTo("things:attribute.notmodifiable");
      assertThat(((DittoRuntimeException) attribute).getHttpStatus().getCode()).isEqualTo(403);
      Throwable thing = failure(ops.twin().put(before));
      assertThat(thing).isInstanceOf(ThingNotModifiableException.class);
      assertThat(((DittoRuntimeException) thing).getErrorCode())
          .isEqualTo("things:thing.notmodifiable");

      Thing after = await(admin.twin().forId(SERVER).retrieve());
      assertThat(after.getRevision()).isEqualTo(before.getRevision());
      assertThat(after.getAttributes().flatMap(a -> a.getValue("name")))
          .contains(JsonValue.of("Server 1"));
    } finally {
      ops.destroy();
    }
  }

  @Test
  void plannerReadsOmitComputeAndItsSubscriptionNeverSeesComputeChanges() throws Exception {
    DittoClient planner = DittoClientFactory.connect(gateway.endpoint(), "planner", "planner");
    try {
      TwinThingHandle server = planner.twin().forId(SERVER);
      Thing seen = await(server.retrieve());
      assertThat(seen.getAttributes().flatMap(a -> a.getValue("name"))).isPresent();
      assertThat(seen.getFeatures().flatMap(f -> f.getFeature("compute"))).isEmpty();
      assertThat(failure(server.forFeature("compute").retrieve()))
          .isInstanceOf(FeatureNotAccessibleException.class);

      BlockingQueue<ThingChange> changes = new LinkedBlockingQueue<>();
      planner.twin().registerForThingChanges("all", changes::add);
      await(planner.twin().startConsumption(Options.Consumption.namespaces(NS)));

      TwinThingHandle asAdmin = admin.twin().forId(SERVER);
      await(asAdmin.forFeature("compute").putProperty(JsonPointer.of("powerW"), 320));
      await(
          asAdmin.putFeature(
              ThingsModelFactory.newFeature(
                  "compute",
                  ThingsModelFactory.newFeatureProperties(JsonObject.of("{\"powerW\":330}")))));
      await(asAdmin.forFeature("kpi").putProperty(JsonPointer.of("pue"), 1.3));

      ThingChange change = changes.poll(10, TimeUnit.SECONDS);
      assertThat(change).isNotNull();
      assertThat(change.getPath().toString()).isEqualTo("/features/kpi/properties/pue");
      assertThat(change.getValue().map(JsonValue::toString).orElse("")).doesNotContain("compute");
      assertThat(changes.poll(500, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      planner.destroy();
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
    throw new AssertionError("expected the call to fail, but it succeeded");
  }
}
