package io.greentwin.gateway.things;

import static io.greentwin.gateway.things.ThingResponses.created;
import static io.greentwin.gateway.things.ThingResponses.locationOf;
import static io.greentwin.gateway.things.ThingResponses.noContent;
import static io.greentwin.gateway.things.ThingResponses.respond;

import io.greentwin.auth.ThingAccess;
import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.Precondition;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import io.greentwin.twin.WriteKind;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.ditto.base.model.signals.commands.exceptions.GatewayMethodNotAllowedException;
import org.eclipse.ditto.json.JsonCollectors;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingResource;

/**
 * Ditto's HTTP API v2 for things: {@code /api/2/things} (list, create with a generated id) and
 * {@code /api/2/things/{thingId}} with every sub-resource (attributes, definition, policyId,
 * features, a feature's definition, properties and desired properties, down to single values): GET,
 * PUT (201 with body and Location on create, 204 on modify), PATCH (RFC 7396 merge patch) and
 * DELETE. Reads take {@code fields} and {@code at-historical-revision}/{@code
 * at-historical-timestamp}; every request takes {@code If-Match}, {@code If-None-Match} and an RQL
 * {@code condition}, which writes check atomically with the change. Server-sent event streams on
 * the same paths ({@code Accept: text/event-stream}) and paths that name no resource of a thing are
 * left to the routes mounted after this API.
 */
public final class ThingsApi implements HttpApi {
  /** The request attribute holding the authenticated subject, once authentication sets it. */
  public static final String SUBJECT = "greentwin.subject";

  /** The originator of writes made without an authenticated subject. */
  static final String ANONYMOUS = "anonymous";

  private static final String THINGS = ThingRequest.THINGS;
  private static final String ONE_THING = THINGS + "/[^/]+(/.*)?";
  private static final Set<HttpMethod> ON_THINGS = Set.of(HttpMethod.GET, HttpMethod.POST);
  private static final Set<HttpMethod> ON_RESOURCE =
      Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private static final Set<HttpMethod> ON_POLICY_ID =
      Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH);

  private final TwinService twins;
  private final String defaultNamespace;
  private final ThingFailures failures;
  private final ThingEnforcement enforcement;

  /**
   * @param defaultNamespace the namespace of things created by POST without {@code ?namespace=}
   * @param maxBodyBytes the gateway's body limit ({@code GatewayConfig.maxBodyBytes()}), reported
   *     in the 413 error
   */
  public ThingsApi(TwinService twins, String defaultNamespace, long maxBodyBytes) {
    this(twins, defaultNamespace, maxBodyBytes, null);
  }

  /**
   * @param access the policies to enforce on every read and write (after {@code AuthApi}); null to
   *     allow everything
   */
  public ThingsApi(
      TwinService twins, String defaultNamespace, long maxBodyBytes, ThingAccess access) {
    this.twins = twins;
    this.defaultNamespace = defaultNamespace;
    this.failures = new ThingFailures(maxBodyBytes);
    this.enforcement = new ThingEnforcement(access);
  }

  @Override
  public void mount(Router router) {
    router.routeWithRegex(THINGS + "(/.*)?").failureHandler(failures::handle);
    router.get(THINGS).handler(this::list);
    router.post(THINGS).handler(this::create);
    router.route(THINGS).handler(this::notAllowedOnThings);
    router.getWithRegex(ONE_THING).handler(this::retrieve);
    router.putWithRegex(ONE_THING).handler(this::put);
    router.routeWithRegex(HttpMethod.PATCH, ONE_THING).handler(this::patch);
    router.deleteWithRegex(ONE_THING).handler(this::delete);
    router.routeWithRegex(ONE_THING).handler(this::notAllowed);
  }

  private void list(RoutingContext ctx) {
    if (wantsEventStream(ctx)) {
      ctx.next();
      return;
    }
    Optional<JsonFieldSelector> fields = ThingRequest.fields(ctx);
    Stream<Thing> things =
        ctx.queryParam("ids").stream()
            .findFirst()
            .map(ids -> listed(ids).stream().flatMap(id -> twins.get(id).stream()))
            .orElseGet(() -> twins.all().stream().sorted(Comparator.comparing(ThingsApi::idOf)));
    ThingResponses.json(
        ctx, 200, enforcement.listed(ctx, things, fields).collect(JsonCollectors.valuesToArray()));
  }

  private void create(RoutingContext ctx) {
    ThingBodies.requireJson(ctx);
    JsonValue body = ThingBodies.json(ctx, true);
    ThingBodies.requireNoId(body);
    String namespace = ctx.queryParam("namespace").stream().findFirst().orElse(defaultNamespace);
    ThingId id = ThingId.of(namespace, UUID.randomUUID().toString());
    TwinWrite w = TwinWrite.put(id, JsonPointer.empty(), body, originator(ctx));
    respond(
        ctx, write(ctx, w), r -> created(ctx, r, JsonPointer.empty(), locationOf(ctx) + "/" + id));
  }

  private void retrieve(RoutingContext ctx) {
    if (wantsEventStream(ctx)) {
      ctx.next();
      return;
    }
    request(ctx).ifPresent(req -> retrieve(ctx, req));
  }

  private void retrieve(RoutingContext ctx, ThingRequest req) {
    Future<Optional<Thing>> state =
        HistoricalRead.of(ctx)
            .map(at -> ctx.vertx().executeBlocking(() -> at.lookup(twins, req.thingId()), false))
            .orElseGet(() -> Future.succeededFuture(twins.get(req.thingId())));
    respond(
        ctx,
        state.map(
            found -> {
              Thing thing =
                  found.orElseThrow(() -> TwinErrors.notFound(req.thingId(), JsonPointer.empty()));
              enforcement.checkRead(ctx, thing, req);
              enforcement.checkConditionReadable(ctx, thing, req);
              ThingPreconditions.checkRead(req, thing);
              return thing;
            }),
        thing ->
            ThingResponses.ok(
                ctx,
                enforcement.view(ctx, thing, req),
                EntityTags.of(Optional.of(thing), req.path())));
  }

  private void put(RoutingContext ctx) {
    request(ctx).ifPresent(req -> put(ctx, req));
  }

  private void put(RoutingContext ctx, ThingRequest req) {
    ThingBodies.requireJson(ctx);
    JsonValue value = ThingBodies.json(ctx, req.isRoot());
    if (req.isRoot()) {
      ThingBodies.requireIdOfPath(value, req.thingId());
    }
    respond(
        ctx,
        write(ctx, req, WriteKind.PUT, value),
        r -> {
          if (r.created()) {
            created(ctx, r, req.path(), locationOf(ctx));
          } else {
            noContent(ctx, EntityTags.of(r.thing(), req.path()));
          }
        });
  }

  private void patch(RoutingContext ctx) {
    request(ctx).ifPresent(req -> patch(ctx, req));
  }

  private void patch(RoutingContext ctx, ThingRequest req) {
    ThingBodies.requireMergePatch(ctx);
    JsonValue patch = ThingBodies.json(ctx, false);
    if (req.isRoot()) {
      ThingBodies.requireIdOfPath(patch, req.thingId());
    }
    respond(
        ctx,
        write(ctx, req, WriteKind.MERGE, patch),
        r -> noContent(ctx, EntityTags.of(r.thing(), req.path())));
  }

  private void delete(RoutingContext ctx) {
    request(ctx)
        .ifPresent(
            req ->
                respond(
                    ctx,
                    write(ctx, req, WriteKind.DELETE, null),
                    r -> noContent(ctx, Optional.empty())));
  }

  private void notAllowedOnThings(RoutingContext ctx) {
    if (ON_THINGS.contains(ctx.request().method())) {
      ctx.next(); // e.g. a server-sent event stream mounted after this API
      return;
    }
    throw methodNotAllowed(ctx, ON_THINGS);
  }

  private void notAllowed(RoutingContext ctx) {
    Optional<Set<HttpMethod>> allowed = ThingRequest.resourceOf(ctx).map(ThingsApi::allowed);
    if (allowed.isEmpty() || allowed.get().contains(ctx.request().method())) {
      ctx.next();
      return;
    }
    throw methodNotAllowed(ctx, allowed.get());
  }

  /**
   * The parsed request, or empty after handing the request on when no resource of a thing has this
   * path (the gateway then answers 404 unless another API serves it).
   */
  private Optional<ThingRequest> request(RoutingContext ctx) {
    Optional<ThingResource> resource = ThingRequest.resourceOf(ctx);
    if (resource.isEmpty()) {
      ctx.next();
      return Optional.empty();
    }
    Set<HttpMethod> allowed = allowed(resource.get());
    if (!allowed.contains(ctx.request().method())) {
      throw methodNotAllowed(ctx, allowed);
    }
    return Optional.of(ThingRequest.of(ctx));
  }

  private Future<TwinWriteResult> write(
      RoutingContext ctx, ThingRequest req, WriteKind kind, JsonValue value) {
    Precondition readable = enforcement.conditionReadable(ctx, req);
    Precondition own = ThingPreconditions.forWrite(req, kind);
    Precondition checks =
        current -> {
          readable.check(current);
          own.check(current);
        };
    return write(
        ctx, new TwinWrite(req.thingId(), kind, req.path(), value, checks, originator(ctx)));
  }

  /** The durable write, completing on this request's context (never blocks the event loop). */
  private Future<TwinWriteResult> write(RoutingContext ctx, TwinWrite w) {
    return Future.fromCompletionStage(
        twins.write(enforcement.guard(ctx, w)), ctx.vertx().getOrCreateContext());
  }

  /** The ids of {@code ?ids=a,b}, all validated before any is looked up. */
  private static List<ThingId> listed(String ids) {
    return Arrays.stream(ids.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(ThingId::of)
        .toList();
  }

  private static Set<HttpMethod> allowed(ThingResource resource) {
    return resource == ThingResource.POLICY_ID ? ON_POLICY_ID : ON_RESOURCE;
  }

  private static GatewayMethodNotAllowedException methodNotAllowed(
      RoutingContext ctx, Set<HttpMethod> allowed) {
    ctx.response()
        .putHeader(
            HttpHeaders.ALLOW,
            String.join(", ", allowed.stream().map(HttpMethod::name).sorted().toList()));
    return GatewayMethodNotAllowedException.newBuilder(ctx.request().method().name()).build();
  }

  private static boolean wantsEventStream(RoutingContext ctx) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/event-stream");
  }

  /** The writer of a change: the authenticated subject once authentication sets one. */
  private static String originator(RoutingContext ctx) {
    return Optional.ofNullable(ctx.<String>get(SUBJECT)).orElse(ANONYMOUS);
  }

  private static String idOf(Thing thing) {
    return thing.getEntityId().map(ThingId::toString).orElse("");
  }
}
