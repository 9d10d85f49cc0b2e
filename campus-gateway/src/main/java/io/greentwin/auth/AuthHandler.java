package io.greentwin.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;

/**
 * Lets a request through only once it is authenticated, and tells the handlers after it who made
 * it: {@link #SUBJECT} ({@code greentwin:<user>}, the originator of writes), {@link #AUTH} (Ditto's
 * {@link AuthorizationContext}, for {@code ThingAccess} and policies) and {@link #USER} (the {@link
 * AuthSubject}). Otherwise it fails the request with Ditto's {@code gateway:authentication.failed}
 * (401) and {@code WWW-Authenticate: Basic realm="GreenTwin"}.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  /** Request attribute: the authenticated subject id, {@code greentwin:<user>}. */
  public static final String SUBJECT = "greentwin.subject";

  /** Request attribute: Ditto's {@link AuthorizationContext} of the request. */
  public static final String AUTH = "greentwin.auth";

  /** Request attribute: the {@link AuthSubject}. */
  public static final String USER = "greentwin.user";

  /** The challenge every 401 carries. */
  public static final String CHALLENGE = "Basic realm=\"GreenTwin\"";

  private final Authenticator authenticator;

  public AuthHandler(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Hold the request while bcrypt runs on a worker: a WebSocket upgrade (or a body handler)
    // after this handler must still find the request unread. Resumed before the next handler.
    boolean paused = !ctx.request().isEnded();
    if (paused) {
      ctx.request().pause();
    }
    authenticator
        .authenticate(ctx.request().headers())
        .onComplete(
            done -> {
              if (paused) {
                ctx.request().resume();
              }
              if (done.succeeded()) {
                remember(ctx, done.result());
                ctx.next();
              } else {
                reject(ctx, done.cause());
              }
            });
  }

  /** Puts the subject on the request, as this handler does after authenticating it. */
  static void remember(RoutingContext ctx, AuthSubject subject) {
    ctx.put(USER, subject);
    ctx.put(SUBJECT, subject.subjectId());
    ctx.put(AUTH, subject.authorizationContext());
  }

  /** Fails the request as unauthenticated (401 with the Basic challenge). */
  static void reject(RoutingContext ctx, Throwable t) {
    ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
    ctx.fail(t);
  }

  /** The authorization context of an authenticated request; fails if none (a wiring error). */
  public static AuthorizationContext authorizationContext(RoutingContext ctx) {
    AuthorizationContext auth = ctx.get(AUTH);
    if (auth == null) {
      throw new IllegalStateException("no AuthHandler ran before " + ctx.request().path());
    }
    return auth;
  }

  /** The subject id of an authenticated request ({@code greentwin:<user>}). */
  public static String subject(RoutingContext ctx) {
    String subject = ctx.get(SUBJECT);
    if (subject == null) {
      throw new IllegalStateException("no AuthHandler ran before " + ctx.request().path());
    }
    return subject;
  }
}
