package io.greentwin.auth;

import static io.greentwin.auth.GatewayHarness.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.HttpApi;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.eclipse.ditto.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthApiTest {
  private static final String WHOAMI = "/api/2/whoami";

  /** A part behind authentication that says who the request came from. */
  private static final Function<GatewayAuth, HttpApi> WHO_AM_I =
      auth ->
          router -> {
            router
                .get(WHOAMI)
                .handler(
                    ctx ->
                        ctx.end(
                            JsonObject.newBuilder()
                                .set("subject", AuthHandler.subject(ctx))
                                .set(
                                    "subjects",
                                    String.join(
                                        ",",
                                        AuthHandler.authorizationContext(ctx)
                                            .getAuthorizationSubjectIds()))
                                .build()
                                .toString()));
            router.get("/ui/index.html").handler(ctx -> ctx.end("<html></html>"));
            router
                .route("/ws/echo")
                .handler(
                    ctx ->
                        ctx.request()
                            .toWebSocket()
                            .onSuccess(
                                ws -> ws.writeTextMessage("hello " + AuthHandler.subject(ctx))));
          };

  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new GatewayHarness(List.of(WHO_AM_I));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void basicCredentialsOfADemoUserAuthenticateAsTheUserAndItsRole() throws Exception {
    var r = gateway.get(WHOAMI, basic("operator", "operator"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.object().getValue("subject").orElseThrow().asString())
        .isEqualTo("greentwin:operator");
    assertThat(r.object().getValue("subjects").orElseThrow().asString())
        .contains("greentwin:operator", "role:operator");
  }

  @Test
  void repeatedBasicCredentialsKeepWorking() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.get(WHOAMI, basic("planner", "planner")).status()).isEqualTo(200);
    }
  }

  @Test
  void requestWithoutCredentialsIsRejectedWithDittosErrorAndABasicChallenge() throws Exception {
    var r = gateway.get(WHOAMI, null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("gateway:authentication.failed");
    assertThat(r.object().getValue("status").orElseThrow().asInt()).isEqualTo(401);
    assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Basic realm=\"GreenTwin\"");
  }

  @Test
  void wrongPasswordIsRejected() throws Exception {
    var r = gateway.get(WHOAMI, basic("admin", "not-admin"));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("gateway:authentication.failed");
    assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Basic realm=\"GreenTwin\"");
  }

  @Test
  void unknownUserIsRejectedLikeAWrongPassword() throws Exception {
    var unknown = gateway.get(WHOAMI, basic("mallory", "admin"));
    var wrong = gateway.get(WHOAMI, basic("admin", "mallory"));

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.object().getValue("message")).isEqualTo(wrong.object().getValue("message"));
  }

  @Test
  void malformedBasicCredentialsAreRejected() throws Exception {
    assertThat(gateway.get(WHOAMI, "Basic !!!not-base64").status()).isEqualTo(401);
    String noColon = Base64.getEncoder().encodeToString("admin".getBytes());
    assertThat(gateway.get(WHOAMI, "Basic " + noColon).status()).isEqualTo(401);
  }

  @Test
  void routesOutsideTheApiNeedNoCredentials() throws Exception {
    assertThat(gateway.get("/ui/index.html", null).status()).isEqualTo(200);
  }

  @Test
  void unknownApiRouteNeedsCredentialsBeforeItIsNotFound() throws Exception {
    assertThat(gateway.get("/api/2/nothing", null).status()).isEqualTo(401);
    assertThat(gateway.get("/api/2/nothing", basic("ops", "ops")).status()).isEqualTo(404);
  }

  @Test
  void tokenIssuedForBasicCredentialsAuthenticatesAsBearer() throws Exception {
    var issued =
        gateway.send(HttpMethod.POST, AuthApi.TOKEN_PATH, basic("planner", "planner"), null);

    assertThat(issued.status()).isEqualTo(200);
    JsonObject body = issued.object();
    assertThat(body.getValue("expiresIn").orElseThrow().asLong()).isEqualTo(3600);
    String token = body.getValue("token").orElseThrow().asString();

    var r = gateway.get(WHOAMI, "Bearer " + token);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.object().getValue("subject").orElseThrow().asString())
        .isEqualTo("greentwin:planner");
  }

  @Test
  void tokenEndpointRejectsWrongCredentials() throws Exception {
    var r = gateway.send(HttpMethod.POST, AuthApi.TOKEN_PATH, basic("planner", "wrong"), null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("gateway:authentication.failed");
  }

  @Test
  void tokenEndpointDoesNotIssueATokenForAToken() throws Exception {
    String token = token("ops");

    var r = gateway.send(HttpMethod.POST, AuthApi.TOKEN_PATH, "Bearer " + token, null);

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void expiredTokenIsRejected() throws Exception {
    String token = token("admin");
    gateway.clock.advance(Duration.ofHours(1));

    var r = gateway.get(WHOAMI, "Bearer " + token);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("gateway:authentication.failed");
    assertThat(r.object().getValue("description").orElseThrow().asString()).contains("expired");
  }

  @Test
  void tokenWithAForgedSignatureIsRejected() throws Exception {
    String token = token("ops");
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"ops\"", "\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];

    var r = gateway.get(WHOAMI, "Bearer " + forged);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.object().getValue("description").orElseThrow().asString()).contains("signature");
  }

  @Test
  void tokenSignedWithAnotherSecretIsRejected() throws Exception {
    JwtTokens other =
        new JwtTokens(
            JwtConfig.DEFAULT_ISSUER,
            "another-secret-that-is-long-enough-for-hs256".getBytes(),
            Duration.ofHours(1),
            gateway.clock);
    String token =
        other
            .issue(
                new AuthSubject(
                    "admin",
                    Role.ADMIN,
                    org.eclipse.ditto.base.model.auth.DittoAuthorizationContextType.JWT))
            .token();

    assertThat(gateway.get(WHOAMI, "Bearer " + token).status()).isEqualTo(401);
  }

  @Test
  void garbageBearerIsRejected() throws Exception {
    assertThat(gateway.get(WHOAMI, "Bearer not.a.jwt").status()).isEqualTo(401);
  }

  @Test
  void webSocketUpgradeBehindTheAuthHandlerNeedsCredentials() throws Exception {
    var rejected = gateway.webSocketText("/ws/echo", null);
    var accepted = gateway.webSocketText("/ws/echo", basic("ops", "ops"));
    var withToken = gateway.webSocketText("/ws/echo", "Bearer " + token("planner"));

    assertThat(rejected).isEqualTo("rejected 401");
    assertThat(accepted).isEqualTo("hello greentwin:ops");
    assertThat(withToken).isEqualTo("hello greentwin:planner");
  }

  private String token(String user) throws Exception {
    return gateway
        .send(HttpMethod.POST, AuthApi.TOKEN_PATH, basic(user, user), null)
        .object()
        .getValue("token")
        .orElseThrow()
        .asString();
  }
}
