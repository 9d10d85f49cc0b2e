package io.greentwin.gateway.policies;

import static io.greentwin.auth.GatewayHarness.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.GatewayHarness;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliciesApiTest {
  private static final String CAMPUS = "/api/2/policies/org.test:campus-policy";
  private static final String LAB = "/api/2/policies/org.test:lab";
  private static final String ADMIN = basic("admin", "admin");
  private static final String OPERATOR = basic("operator", "operator");

  /** A policy that lets the admin role manage it and the ops role read one lab feature. */
  private static final String LAB_POLICY =
      """
      {"entries": {
        "owner": {
          "subjects": {"role:admin": {"type": "GreenTwin role"}},
          "resources": {"policy:/": {"grant": ["READ", "WRITE"], "revoke": []},
                        "thing:/": {"grant": ["READ", "WRITE"], "revoke": []}}},
        "lab": {
          "subjects": {"role:ops": {"type": "GreenTwin role"}},
          "resources": {"thing:/features/lab": {"grant": ["READ"], "revoke": []}}}
      }}
      """;

  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new GatewayHarness(List.of());
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void adminReadsTheCampusPolicyWithItsRevokeAtADeeperPath() throws Exception {
    var r = gateway.get(CAMPUS, ADMIN);

    assertThat(r.status()).isEqualTo(200);
    JsonObject policy = r.object();
    assertThat(policy.getValue("policyId")).contains(JsonValue.of("org.test:campus-policy"));
    assertThat(policy.getValue("entries").orElseThrow().asObject().getKeys())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("admin", "operator", "planner", "ops");
    JsonObject plannerResources =
        gateway.get(CAMPUS + "/entries/planner/resources", ADMIN).object();
    assertThat(plannerResources.getValue(JsonKey.of("thing:/features/compute")).orElseThrow())
        .isEqualTo(JsonObject.of("{\"grant\":[],\"revoke\":[\"READ\"]}"));
  }

  @Test
  void subjectWithoutReadOnThePolicyDoesNotFindIt() throws Exception {
    var r = gateway.get(CAMPUS, OPERATOR);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("policies:policy.notfound");
  }

  @Test
  void nonAdminCannotChangeAPolicy() throws Exception {
    var r =
        gateway.send(
            HttpMethod.PUT,
            CAMPUS + "/entries/operator/resources/thing:/attributes",
            OPERATOR,
            "{\"grant\":[\"WRITE\"],\"revoke\":[]}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("policies:resource.notmodifiable");
    assertThat(gateway.send(HttpMethod.DELETE, CAMPUS, OPERATOR, null).error())
        .isEqualTo("policies:policy.notmodifiable");
  }

  @Test
  void requestsWithoutCredentialsAreUnauthenticated() throws Exception {
    assertThat(gateway.get(CAMPUS, null).status()).isEqualTo(401);
  }

  @Test
  void policyLifecycleCreateReadModifyDelete() throws Exception {
    var created = gateway.send(HttpMethod.PUT, LAB, ADMIN, LAB_POLICY);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().get("Location")).isEqualTo(LAB);
    assertThat(created.object().getValue("policyId")).contains(JsonValue.of("org.test:lab"));

    assertThat(gateway.get(LAB + "/entries/lab/subjects/role:ops", ADMIN).object())
        .isEqualTo(JsonObject.of("{\"type\":\"GreenTwin role\"}"));
    assertThat(gateway.send(HttpMethod.PUT, LAB, ADMIN, LAB_POLICY).status()).isEqualTo(204);

    var entry =
        gateway.send(
            HttpMethod.PUT,
            LAB + "/entries/visitors",
            ADMIN,
            "{\"subjects\":{\"role:planner\":{\"type\":\"GreenTwin role\"}},"
                + "\"resources\":{\"thing:/attributes\":{\"grant\":[\"READ\"],\"revoke\":[]}}}");
    assertThat(entry.status()).isEqualTo(201);
    assertThat(
            gateway
                .send(
                    HttpMethod.PUT,
                    LAB + "/entries/visitors/subjects/greentwin:eve",
                    ADMIN,
                    "{\"type\":\"guest\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            gateway
                .send(
                    HttpMethod.PUT,
                    LAB + "/entries/visitors/resources/thing:/features/lab",
                    ADMIN,
                    "{\"grant\":[\"READ\"],\"revoke\":[]}")
                .status())
        .isEqualTo(201);
    assertThat(gateway.get(LAB + "/entries/visitors/resources/thing:/features/lab", ADMIN).object())
        .isEqualTo(JsonObject.of("{\"grant\":[\"READ\"],\"revoke\":[]}"));
    assertThat(
            gateway
                .send(
                    HttpMethod.DELETE,
                    LAB + "/entries/visitors/subjects/greentwin:eve",
                    ADMIN,
                    null)
                .status())
        .isEqualTo(204);
    assertThat(gateway.get(LAB + "/entries/visitors/subjects", ADMIN).object().getKeys())
        .extracting(Object::toString)
        .containsExactly("role:planner");
    assertThat(gateway.send(HttpMethod.DELETE, LAB + "/entries/visitors", ADMIN, null).status())
        .isEqualTo(204);
    assertThat(gateway.get(LAB + "/entries/visitors", ADMIN).error())
        .isEqualTo("policies:entry.notfound");

    assertThat(gateway.send(HttpMethod.DELETE, LAB, ADMIN, null).status()).isEqualTo(204);
    var gone = gateway.get(LAB, ADMIN);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.error()).isEqualTo("policies:policy.notfound");
  }

  @Test
  void changedPolicyGovernsAccessAtOnce() throws Exception {
    gateway.send(
        HttpMethod.PUT,
        CAMPUS + "/entries/ops/subjects/greentwin:ops",
        ADMIN,
        "{\"type\":\"user\"}");
    gateway.send(
        HttpMethod.PUT,
        CAMPUS + "/entries/ops/resources/policy:/",
        ADMIN,
        "{\"grant\":[\"READ\"],\"revoke\":[]}");

    assertThat(gateway.get(CAMPUS, basic("ops", "ops")).status()).isEqualTo(200);
  }

  @Test
  void aChangeThatLeavesNobodyAbleToWriteThePolicyIsRefused() throws Exception {
    var r = gateway.send(HttpMethod.DELETE, CAMPUS + "/entries/admin", ADMIN, null);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("policies:entry.modificationinvalid");
    assertThat(gateway.get(CAMPUS + "/entries/admin", ADMIN).status()).isEqualTo(200);
  }

  /** Ditto answers this as if the policy did not exist (its modify registry's CreatePolicy). */
  @Test
  void creatingAPolicyThatLocksOutItsCreatorIsRefusedAsDittoDoes() throws Exception {
    var r =
        gateway.send(
            HttpMethod.PUT,
            LAB,
            ADMIN,
            "{\"entries\":{\"lab\":{\"subjects\":{\"role:ops\":{\"type\":\"x\"}},"
                + "\"resources\":{\"thing:/\":{\"grant\":[\"READ\"],\"revoke\":[]}}}}}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("policies:policy.notfound");
    assertThat(gateway.get(LAB, ADMIN).status()).isEqualTo(404);
  }

  @Test
  void aBodyNamingAnotherPolicyIdIsRefused() throws Exception {
    var r =
        gateway.send(
            HttpMethod.PUT, LAB, ADMIN, "{\"policyId\":\"org.test:other\",\"entries\":{}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("policies:id.notsettable");
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    var r = gateway.send(HttpMethod.PUT, LAB, ADMIN, "{not json");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.object().contains(JsonPointer.of("error"))).isTrue();
  }

  @Test
  void missingSubjectAndResourceAreDittosNotFound() throws Exception {
    assertThat(gateway.get(CAMPUS + "/entries/admin/subjects/greentwin:nobody", ADMIN).error())
        .isEqualTo("policies:subject.notfound");
    assertThat(gateway.get(CAMPUS + "/entries/admin/resources/thing:/nowhere", ADMIN).error())
        .isEqualTo("policies:resource.notfound");
  }
}
