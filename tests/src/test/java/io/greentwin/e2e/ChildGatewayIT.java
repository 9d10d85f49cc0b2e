package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.testsupport.ChildGateway;
import io.greentwin.testsupport.DittoClientFactory;
import io.greentwin.testsupport.GcPauses;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

/** The round-trip benchmark's gateway in a JVM of its own serves the Ditto client and stops. */
class ChildGatewayIT {
  @Test
  void servesTheDittoClientFromItsOwnJvmAndStopsWhenClosed() throws Exception {
    ChildGateway gateway = ChildGateway.start(List.of("-Xmx256m"));
    try {
      DittoClient client = DittoClientFactory.connect(gateway.endpoint());
      try {
        ThingId id = ThingId.of("org.greentwin.it", "child-gateway");
        client.twin().create(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
        client
            .twin()
            .forId(id)
            .putAttribute(JsonPointer.of("supplyTempC"), 21.5)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        Thing read =
            client.twin().retrieve(id).toCompletableFuture().get(10, TimeUnit.SECONDS).get(0);
        assertThat(read.getAttributes().flatMap(a -> a.getValue("supplyTempC")))
            .contains(JsonValue.of(21.5));
      } finally {
        client.destroy();
      }
      GcPauses gc = gateway.gcPauses();
      assertThat(gc.count()).isNotNegative();
      assertThat(gc.millis()).isNotNegative();
    } finally {
      gateway.close();
    }
    assertThat(gateway.isAlive()).isFalse();
  }
}
