package io.greentwin.gateway.search;

import io.greentwin.auth.AuthHandler;
import io.greentwin.auth.ThingAccess;
import io.greentwin.gateway.HttpApi;
import io.greentwin.json.JsonText;
import io.greentwin.twin.TwinService;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.things.model.Thing;

/**
 * Ditto's search API over the twins: {@code GET|POST /api/2/search/things} (one page of things as
 * Ditto's search result) and {@code GET|POST /api/2/search/things/count} (a plain number), with
 * {@code filter}, {@code namespaces}, {@code option} and {@code fields} as query parameters or, for
 * POST, as a {@code x-www-form-urlencoded} body. The work runs on a worker thread.
 */
public final class SearchApi implements HttpApi {
  private final TwinService twins;
  private final ThingSearch search;
  private final ThingAccess access;

  public SearchApi(TwinService twins, ThingJsonCache cache) {
    this(twins, cache, null);
  }

  /**
   * @param access the policies to enforce (after {@code AuthApi}): as in Ditto, the subject finds
   *     and sees only what it may read, so filters and sorting never match a hidden field; null to
   *     search everything
   */
  public SearchApi(TwinService twins, ThingJsonCache cache, ThingAccess access) {
    this.twins = twins;
    this.search = new ThingSearch(cache);
    this.access = access;
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
    AuthorizationContext auth = authOf(ctx);
    ctx.vertx()
        .executeBlocking(
            () -> {
              Visible v = visible(auth);
              return JsonText.of(
                  v.search()
                      .search(
                          v.things(),
                          p.get("filter"),
                          joined(p, "namespaces"),
                          joined(p, "option"),
                          joined(p, "fields")));
            },
            false)
        .onSuccess(json -> json(ctx, json))
        .onFailure(ctx::fail);
  }

  private void count(RoutingContext ctx) {
    MultiMap p = params(ctx);
    AuthorizationContext auth = authOf(ctx);
    ctx.vertx()
        .executeBlocking(
            () -> {
              Visible v = visible(auth);
              return v.search().count(v.things(), p.get("filter"), joined(p, "namespaces"));
            },
            false)
        .onSuccess(n -> json(ctx, Long.toString(n)))
        .onFailure(ctx::fail);
  }

  private AuthorizationContext authOf(RoutingContext ctx) {
    return access == null ? null : AuthHandler.authorizationContext(ctx);
  }

  /** The twins a subject may read, and the search (with its JSON cache) fit to answer over them. */
  private record Visible(Collection<Thing> things, ThingSearch search) {}

  /**
   * The twins as the subject may read them (all of them without policies), with the shared search
   * when every one is whole; a reduced view gets a search with its own cache, since the shared
   * cache holds whole things by id and revision and must never answer for a reduced view.
   */
  private Visible visible(AuthorizationContext auth) {
    Collection<Thing> all = twins.all();
    if (access == null) {
      return new Visible(all, search);
    }
    List<Thing> readable = access.readableThings(all, auth);
    boolean whole = readable.size() == all.size();
    Iterator<Thing> original = all.iterator();
    for (Thing t : readable) {
      whole = whole && original.next() == t;
    }
    return new Visible(readable, whole ? search : new ThingSearch(new ThingJsonCache()));
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
