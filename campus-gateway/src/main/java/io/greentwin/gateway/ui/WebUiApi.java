package io.greentwin.gateway.ui;

import io.greentwin.gateway.HttpApi;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The 3D campus web app: its static files at {@code /ui/} (from the jar's {@code webroot}), the
 * browser libraries at {@code /webjars/} (three.js and ECharts from their WebJars on the class
 * path), and {@code /} redirecting to the app. The files need no authentication; the app signs in
 * and sends a bearer token with every API request.
 */
public final class WebUiApi implements HttpApi {
  /** Where the app lives. */
  public static final String APP_PATH = "/ui/";

  @Override
  public void mount(Router router) {
    router
        .get("/")
        .handler(
            ctx ->
                ctx.response()
                    .setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, APP_PATH + "index.html")
                    .end());
    router.get("/ui").handler(ctx -> ctx.redirect(APP_PATH + "index.html"));
    router
        .get(APP_PATH + "*")
        .handler(
            StaticHandler.create("webroot")
                .setIndexPage("index.html")
                // The app changes with the gateway: revalidate rather than serve a stale copy.
                .setCachingEnabled(false));
    router
        .get("/webjars/*")
        .handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
  }
}
