package io.greentwin.gateway.search;

import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.TwinService;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Ditto's search API over the twins: {@code GET|POST /api/2/search/things} (one page of things as
 * Ditto's search result) and {@code GET|POST /api/2/search/things/count} (a plain number), with
 * {@code filter}, {@code namespaces}, {@code option} and {@code fields} as query parameters or, for
 * POST, as a {@code x-www-form-urlencoded} body. The work runs on a worker thread.
 */
public final class SearchApi implements HttpApi {
  private final TwinService twins;
  private final ThingSearch search;

  public SearchApi(TwinService twins, ThingJsonCache cache) {
    this.twins = twins;
    this.search = new ThingSearch(cache);
  }

  @Override
  public void mount(Router router) {
    router.get("/api/2/search/things").handler(this::search);
    router.post("/api/2/search/things").handler(this::search);
    router.get("/api/2/search/things/count").handler(this::count);
    router.post("/api/2/search/things/count").handler(this::count);
  }

  private void search(RoutingContext ctx) {
    MultiMap p = params(ctx);
    ctx.vertx()
        .executeBlocking(
            () ->
                search
                    .search(
                        twins.all(),
                        p.get("filter"),
                        joined(p, "namespaces"),
                        joined(p, "option"),
                        joined(p, "fields"))
                    .toString(),
            false)
        .onSuccess(json -> json(ctx, json))
        .onFailure(ctx::fail);
  }

  private void count(RoutingContext ctx) {
    MultiMap p = params(ctx);
    ctx.vertx()
        .executeBlocking(
            () -> search.count(twins.all(), p.get("filter"), joined(p, "namespaces")), false)
        .onSuccess(n -> json(ctx, Long.toString(n)))
        .onFailure(ctx::fail);
  }

  /** Query parameters plus, for a form POST, the form's fields. */
  private static MultiMap params(RoutingContext ctx) {
    return MultiMap.caseInsensitiveMultiMap()
        .addAll(ctx.queryParams())
        .addAll(ctx.request().formAttributes());
  }

  /** A parameter given once or several times, comma-joined as Ditto joins options. */
  private static String joined(MultiMap params, String name) {
    List<String> values = params.getAll(name);
    return values.isEmpty() ? null : String.join(",", values);
  }

  private static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
  }
}
