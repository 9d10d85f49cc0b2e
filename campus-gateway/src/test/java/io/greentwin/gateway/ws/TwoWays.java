package io.greentwin.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.GatewayHarness;
import io.greentwin.auth.Role;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.policies.model.PoliciesModelFactory;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.SubjectType;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Two gateways with the same twins and policies, for proving a message read without Ditto's adapter
 * equal to the general way: the second gets each message with an extra header, which sends it the
 * general way. Replies (texts), events and twins of both must be the same.
 */
final class TwoWays implements AutoCloseable {
  /** One gateway, and what its twin service published. */
  private record Side(GatewayHarness gateway, List<TwinEvent> events, boolean general) {}

  /** The header that sends a message the general way (Ditto keeps unknown headers). */
  static final String GENERAL_WAY = "x-general-way";

  private final List<Side> sides = new ArrayList<>();

  /** Both gateways with the partial policy {@code policy} and the twins given. */
  TwoWays(PolicyId policy, Map<ThingId, JsonObject> twins) throws Exception {
    for (boolean general : new boolean[] {false, true}) {
      GatewayHarness g =
          new GatewayHarness((service, auth) -> List.of(new WebSocketApi(service, auth)));
      g.auth.policies().put(partialPolicy(policy));
      for (Map.Entry<ThingId, JsonObject> t : twins.entrySet()) {
        g.twins.write(TwinWrite.put(t.getKey(), JsonPointer.empty(), t.getValue(), "t")).get();
      }
      List<TwinEvent> events = new CopyOnWriteArrayList<>();
      g.twins.subscribe(events::add);
      sides.add(new Side(g, events, general));
    }
  }

  /**
   * Sends each gateway its message ({@code message.apply(general)}) as {@code user} and asserts the
   * same reply text.
   */
  void assertSameReply(String user, Function<Boolean, String> message, String as) throws Exception {
    List<String> replies = new ArrayList<>();
    for (Side s : sides) {
      replies.add(s.gateway().webSocketReply(WebSocketApi.PATH, user, message.apply(s.general())));
    }
    assertThat(replies.get(0)).as(as).isEqualTo(replies.get(1));
  }

  /** Both published the same events, this many, and hold the same twins. */
  void assertSameEventsAndTwins(int events, List<ThingId> twins) {
    assertThat(sides.get(0).events()).isEqualTo(sides.get(1).events()).hasSize(events);
    for (ThingId id : twins) {
      assertThat(sides.get(0).gateway().twins.get(id).orElseThrow().toJson(f -> true))
          .isEqualTo(sides.get(1).gateway().twins.get(id).orElseThrow().toJson(f -> true));
    }
  }

  @Override
  public void close() throws Exception {
    for (Side s : sides) {
      s.gateway().close();
    }
  }

  /** A rack twin of the test namespace. */
  static ThingId id(String rack) {
    return ThingId.of(GatewayHarness.NAMESPACE, rack);
  }

  /** A rack with coolant, thermal and compute features, under {@code policy} (null: none). */
  static JsonObject twin(PolicyId policy) {
    String policyId = policy == null ? "" : "\"policyId\":\"" + policy + "\",";
    return JsonObject.of(
        "{"
            + policyId
            + "\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":45.3,"
            + "\"observedAt\":\"2026-06-21T11:00:10.000Z\"}},"
            + "\"thermal\":{\"properties\":{\"inletTempC\":24}},"
            + "\"compute\":{\"properties\":{\"loadPct\":50}}}}");
  }

  /**
   * The planner may read everything but the compute feature and write only the coolant feature; the
   * admin may do anything.
   */
  static Policy partialPolicy(PolicyId id) {
    return Policy.newBuilder(id)
        .forLabel("planner")
        .setSubject(
            PoliciesModelFactory.newSubject(
                PoliciesModelFactory.newSubjectId(Role.PLANNER.subjectId()),
                SubjectType.newInstance("GreenTwin role")))
        .setGrantedPermissions(PoliciesResourceType.thingResource("/"), "READ")
        .setGrantedPermissions(PoliciesResourceType.thingResource("/features/coolant"), "WRITE")
        .setRevokedPermissions(PoliciesResourceType.thingResource("/features/compute"), "READ")
        .forLabel("admin")
        .setSubject(
            PoliciesModelFactory.newSubject(
                PoliciesModelFactory.newSubjectId(Role.ADMIN.subjectId()),
                SubjectType.newInstance("GreenTwin role")))
        .setGrantedPermissions(PoliciesResourceType.thingResource("/"), "READ", "WRITE")
        .build();
  }
}
