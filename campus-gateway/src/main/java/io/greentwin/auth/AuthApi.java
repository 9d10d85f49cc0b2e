package io.greentwin.auth;

import io.greentwin.gateway.HttpApi;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.ditto.json.JsonObject;

/**
 * Authentication on the gateway: {@code POST /api/2/auth/token} issues a JWT for Basic credentials
 * ({@code {"token": …, "expiresIn": seconds}}), and every other request under {@code /api/} and
 * {@code /ws/} must authenticate ({@link AuthHandler}). Mount it first: routes mounted before it
 * are not protected.
 */
public final class AuthApi implements HttpApi {
  public static final String TOKEN_PATH = "/api/2/auth/token";

  private final Authenticator authenticator;
  private final AuthHandler handler;

  public AuthApi(Authenticator authenticator) {
    this.authenticator = authenticator;
    this.handler = new AuthHandler(authenticator);
  }

  @Override
  public void mount(Router router) {
    router.post(TOKEN_PATH).handler(this::issueToken);
    router.route("/api/*").handler(handler);
    router.route("/ws/*").handler(handler);
  }

  /** The handler that authenticates requests, for routes mounted elsewhere. */
  public AuthHandler handler() {
    return handler;
  }

  private void issueToken(RoutingContext ctx) {
    authenticator
        .authenticateBasic(ctx.request().headers())
        .onSuccess(
            subject -> {
              AuthHandler.remember(ctx, subject);
              IssuedToken token = authenticator.tokens().issue(subject);
              ctx.response()
                  .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                  .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                  .end(
                      JsonObject.newBuilder()
                          .set("token", token.token())
                          .set("expiresIn", token.expiresIn())
                          .build()
                          .toString());
            })
        .onFailure(t -> AuthHandler.reject(ctx, t));
  }
}
