package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.testsupport.DittoClientFactory;
import io.greentwin.testsupport.TwinGateway;
import io.greentwin.twin.TwinWrite;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.ditto.base.model.acks.AcknowledgementLabel;
import org.eclipse.ditto.base.model.acks.AcknowledgementRequest;
import org.eclipse.ditto.base.model.acks.DittoAcknowledgementLabel;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTagMatchers;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.changes.ChangeAction;
import org.eclipse.ditto.client.changes.ThingChange;
import org.eclipse.ditto.client.management.AcknowledgementsFailedException;
import org.eclipse.ditto.client.management.FeatureHandle;
import org.eclipse.ditto.client.options.Options;
import org.eclipse.ditto.client.twin.TwinThingHandle;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionFailedException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConflictException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingPreconditionFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Eclipse Ditto Java client (2.4.0) against the real gateway's {@code /ws/2}: what a
 * Ditto user's code does must work unchanged against GreenTwin.
 */
class DittoClientIT {
  private static final String NS = "org.greentwin.it";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private static TwinGateway gateway;
  private static DittoClient client;

  @BeforeAll
  static void connect() throws Exception {
    gateway = TwinGateway.start();
    client = DittoClientFactory.connect(gateway.endpoint());
  }

  @AfterAll
  static void disconnect() throws Exception {
    client.destroy();
    gateway.close();
  }

  private static ThingId newId(String name) {
    return ThingId.of(NS, name + "-" + SEQ.incrementAndGet());
  }

  private static Thing rack(ThingId id) {
    return ThingsModelFactory.newThing(
        JsonObject.of(
            "{\"thingId\":\""
                + id
                + "\",\"attributes\":{\"hall\":\"B1\",\"row\":3},"
                + "\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":24.5}}}}"));
  }

  @Test
  void createsRetrievesAndDeletesAThing() throws Exception {
    ThingId id = newId("rack");
    Thing created = await(client.twin().create(rack(id)));
    assertThat(created.getEntityId()).contains(id);
    assertThat(created.getAttributes().orElseThrow().toJson().toString())
        .isEqualTo("{\"hall\":\"B1\",\"row\":3}");

    Thing read = await(client.twin().forId(id).retrieve());
    assertThat(read.getEntityId()).contains(id);
    assertThat(read.getAttributes()).isEqualTo(created.getAttributes());
    assertThat(read.getFeatures()).isEqualTo(created.getFeatures());
    assertThat(failure(client.twin().create(rack(id)))).isInstanceOf(ThingConflictException.class);
    ThingId other = newId("rack");
    await(client.twin().create(rack(other)));
    assertThat(await(client.twin().retrieve(List.of(other, ThingId.of(NS, "absent"), id))))
        .map(t -> t.getEntityId().orElseThrow().toString())
        .containsExactly(other.toString(), id.toString());

    await(client.twin().delete(id));
    assertThat(failure(client.twin().forId(id).retrieve()))
        .isInstanceOf(ThingNotAccessibleException.class);
  }

  @Test
  void putsMergesAndDeletesAttributes() throws Exception {
    TwinThingHandle thing = created("attrs");
    await(thing.putAttribute(JsonPointer.of("site/building"), "B1"));
    await(thing.mergeAttribute(JsonPointer.of("site"), JsonObject.of("{\"floor\":2}")));
    assertThat(attributes(thing))
        .isEqualTo(json("{\"hall\":\"B1\",\"row\":3,\"site\":{\"building\":\"B1\",\"floor\":2}}"));

    await(thing.deleteAttribute(JsonPointer.of("site/building")));
    await(thing.mergeAttributes(JsonObject.of("{\"row\":null,\"rack\":7}")));
    assertThat(attributes(thing))
        .isEqualTo(json("{\"hall\":\"B1\",\"site\":{\"floor\":2},\"rack\":7}"));

    await(thing.deleteAttributes());
    assertThat(await(thing.retrieve()).getAttributes()).isEmpty();
  }

  @Test
  void putsMergesAndDeletesFeaturesAndProperties() throws Exception {
    TwinThingHandle thing = created("features");
    await(
        thing.putFeature(
            ThingsModelFactory.newFeature(
                "pump", ThingsModelFactory.newFeatureProperties(JsonObject.of("{\"rpm\":900}")))));
    FeatureHandle pump = thing.forFeature("pump");
    await(pump.putProperty(JsonPointer.of("rpm"), 1200));
    await(pump.mergeProperties(JsonObject.of("{\"powerKw\":1.5,\"state\":{\"on\":true}}")));
    await(pump.deleteProperty(JsonPointer.of("state/on")));
    Feature read = await(pump.retrieve());
    assertThat(json(read.getProperties().orElseThrow().toJson().toString()))
        .isEqualTo(json("{\"rpm\":1200,\"powerKw\":1.5,\"state\":{}}"));

    await(thing.forFeature("coolant").putProperty(JsonPointer.of("supplyTempC"), 26.0));
    assertThat(
            await(thing.retrieve())
                .getFeatures()
                .flatMap(f -> f.getFeature("coolant"))
                .flatMap(f -> f.getProperty("supplyTempC")))
        .contains(JsonValue.of(26.0));

    await(pump.delete());
    assertThat(failure(pump.retrieve())).isInstanceOf(FeatureNotAccessibleException.class);
    assertThat(failure(pump.putProperty(JsonPointer.of("rpm"), 1)))
        .isInstanceOf(FeatureNotAccessibleException.class);
  }

  @Test
  void conditionalModifyFailsWithThePreconditionExceptionsAndChangesNothing() throws Exception {
    TwinThingHandle thing = created("conditional");
    await(thing.putAttribute(JsonPointer.of("mode"), "auto"));

    assertThat(
            failure(
                thing.putAttribute(
                    JsonPointer.of("mode"),
                    "manual",
                    Options.condition("eq(attributes/mode,\"eco\")"))))
        .isInstanceOf(ThingConditionFailedException.class);
    assertThat(
            failure(
                thing.putAttribute(JsonPointer.of("mode"), "manual", Options.Modify.exists(false))))
        .isInstanceOf(ThingPreconditionFailedException.class);
    Thing before = await(thing.retrieve());
    DittoHeaders staleRevision =
        DittoHeaders.newBuilder().ifMatch(EntityTagMatchers.fromStrings("\"rev:1\"")).build();
    assertThat(failure(client.twin().put(before, Options.headers(staleRevision))))
        .isInstanceOf(ThingPreconditionFailedException.class);
    assertThat(attributes(thing).getString("mode")).isEqualTo("auto");

    await(
        thing.putAttribute(
            JsonPointer.of("mode"), "manual", Options.condition("eq(attributes/mode,\"auto\")")));
    assertThat(attributes(thing).getString("mode")).isEqualTo("manual");
  }

  @Test
  void unknownThingsAndFeaturesFailWithDittosNotFoundExceptions() throws Exception {
    TwinThingHandle missing = client.twin().forId(ThingId.of(NS, "never-created"));
    assertThat(failure(missing.retrieve())).isInstanceOf(ThingNotAccessibleException.class);
    assertThat(failure(missing.putAttribute(JsonPointer.of("x"), 1)))
        .isInstanceOf(ThingNotAccessibleException.class);
    assertThat(failure(created("nofeature").forFeature("absent").retrieve()))
        .isInstanceOf(FeatureNotAccessibleException.class);
  }

  @Test
  void requestedAcknowledgementsAreAnswered() throws Exception {
    TwinThingHandle thing = created("acks");
    DittoHeaders persisted =
        DittoHeaders.newBuilder()
            .acknowledgementRequest(
                AcknowledgementRequest.of(DittoAcknowledgementLabel.TWIN_PERSISTED),
                AcknowledgementRequest.of(DittoAcknowledgementLabel.SEARCH_PERSISTED))
            .build();
    await(thing.putAttribute(JsonPointer.of("acked"), 1, Options.headers(persisted)));
    assertThat(attributes(thing).getInteger("acked")).isEqualTo(1);

    DittoHeaders custom =
        DittoHeaders.newBuilder()
            .acknowledgementRequest(
                AcknowledgementRequest.of(DittoAcknowledgementLabel.TWIN_PERSISTED),
                AcknowledgementRequest.of(AcknowledgementLabel.of("nobody-issues-this")))
            .build();
    assertThat(failure(thing.putAttribute(JsonPointer.of("acked"), 2, Options.headers(custom))))
        .isInstanceOf(AcknowledgementsFailedException.class);
  }

  @Test
  void changeEventsArriveForMatchingChangesOnly() throws Exception {
    TwinThingHandle thing = created("events");
    ThingId otherNamespace = ThingId.of("org.greentwin.other", "rack-" + SEQ.incrementAndGet());
    await(client.twin().create(rack(otherNamespace)));
    DittoClient watcher = DittoClientFactory.connect(gateway.endpoint());
    try {
      BlockingQueue<ThingChange> changes = new LinkedBlockingQueue<>();
      watcher.twin().registerForThingChanges("hot-coolant", changes::add);
      await(
          watcher
              .twin()
              .startConsumption(
                  Options.Consumption.namespaces(NS),
                  Options.Consumption.filter("gt(features/coolant/properties/supplyTempC,30)")));

      JsonPointer supply = JsonPointer.of("supplyTempC");
      await(thing.forFeature("coolant").putProperty(supply, 25.0));
      await(client.twin().forId(otherNamespace).forFeature("coolant").putProperty(supply, 40.0));
      await(thing.forFeature("coolant").putProperty(supply, 35.5));

      ThingChange change = changes.poll(10, TimeUnit.SECONDS);
      assertThat(change).isNotNull();
      assertThat(change.getEntityId().toString()).isEqualTo(thing.getEntityId().toString());
      assertThat(change.getAction()).isEqualTo(ChangeAction.UPDATED);
      assertThat(change.getPath().toString()).isEqualTo("/features/coolant/properties/supplyTempC");
      // a thing-level registration sees the change as a partial thing (the client's own mapping)
      assertThat(change.getValue().map(JsonValue::toString))
          .contains("{\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":35.5}}}}");
      assertThat(change.getRevision()).isEqualTo(3);
      assertThat(change.getTimestamp()).isPresent();
      assertThat(changes.poll(500, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      watcher.destroy();
    }
  }

  @Test
  void searchStreamsMatchingThingsInTheRequestedOrder() throws Exception {
    String ns = "org.greentwin.search" + SEQ.incrementAndGet();
    for (int rank = 1; rank <= 5; rank++) {
      String hall = rank % 2 == 1 ? "B1" : "B2";
      await(
          client
              .twin()
              .create(
                  JsonObject.of(
                      "{\"thingId\":\"%s:rack-%d\",\"attributes\":{\"hall\":\"%s\",\"rank\":%d}}"
                          .formatted(ns, rank, hall, rank))));
    }
    List<String> ids =
        client.twin().search().stream(
                q ->
                    q.namespace(ns)
                        .filter("eq(attributes/hall,\"B1\")")
                        .options(o -> o.sort(s -> s.desc("attributes/rank")).size(2)))
            .map(t -> t.getEntityId().orElseThrow().toString())
            .toList();
    assertThat(ids).containsExactly(ns + ":rack-5", ns + ":rack-3", ns + ":rack-1");
  }

  @Test
  void clientReconnectsAfterAGatewayRestartAndEventsFlowAgain() throws Exception {
    TwinThingHandle thing = created("reconnect");
    DittoClient watcher = DittoClientFactory.connect(gateway.endpoint());
    try {
      BlockingQueue<ThingChange> changes = new LinkedBlockingQueue<>();
      watcher.twin().registerForThingChanges("all", changes::add);
      await(watcher.twin().startConsumption(Options.Consumption.namespaces(NS)));
      await(thing.putAttribute(JsonPointer.of("tick"), 0));
      assertThat(changes.poll(10, TimeUnit.SECONDS)).isNotNull();

      // The 2.4.0 client re-sends START-SEND-EVENTS from its onConnected callback, which races
      // with installing the new socket and now and then drops the message ("WebSocket is not
      // connected - going to discard message"; eclipse-ditto/ditto-clients#231, fixed in later
      // clients). So a restart is tried up to three times, the client re-subscribing by itself;
      // should it lose that race every time (seen once in a CI run: three discards in a row), the
      // subscription is repeated by hand on the reconnected socket, which is what the gateway must
      // serve either way.
      ThingChange after = null;
      for (int restart = 1; after == null && restart <= 3; restart++) {
        gateway.restart();
        after = awaitTickEvent(thing.getEntityId(), changes, Duration.ofSeconds(10));
      }
      if (after == null) {
        await(watcher.twin().startConsumption(Options.Consumption.namespaces(NS)));
        after = awaitTickEvent(thing.getEntityId(), changes, Duration.ofSeconds(10));
      }
      assertThat(after).as("a change event after the reconnect").isNotNull();
      assertThat(after.getPath().toString()).isEqualTo("/attributes/tick");
      Thing read = await(watcher.twin().forId(thing.getEntityId()).retrieve());
      assertThat(read.getAttributes().flatMap(a -> a.getValue("tick"))).isPresent();
    } finally {
      watcher.destroy();
    }
  }

  /** Writes ticks on the server side until one arrives as an event, or the time is up. */
  private static ThingChange awaitTickEvent(
      ThingId id, BlockingQueue<ThingChange> changes, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    for (int tick = 1; System.nanoTime() < deadline; tick++) {
      gateway
          .twins()
          .write(TwinWrite.put(id, JsonPointer.of("/attributes/tick"), JsonValue.of(tick), "it"))
          .get(5, TimeUnit.SECONDS);
      ThingChange change = changes.poll(1, TimeUnit.SECONDS);
      if (change != null) {
        return change;
      }
    }
    return null;
  }

  private static TwinThingHandle created(String name) throws Exception {
    ThingId id = newId(name);
    await(client.twin().create(rack(id)));
    return client.twin().forId(id);
  }

  /** The thing's attributes, compared as JSON regardless of key order. */
  private static io.vertx.core.json.JsonObject attributes(TwinThingHandle thing) throws Exception {
    return json(await(thing.retrieve()).getAttributes().orElseThrow().toJson().toString());
  }

  private static io.vertx.core.json.JsonObject json(String json) {
    return new io.vertx.core.json.JsonObject(json);
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
