package io.greentwin.gateway.policies;

import io.greentwin.auth.AuthHandler;
import io.greentwin.auth.PolicyStore;
import io.greentwin.gateway.HttpApi;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiFunction;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.Label;
import org.eclipse.ditto.policies.model.PoliciesModelFactory;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.ResourceKey;
import org.eclipse.ditto.policies.model.SubjectId;
import org.eclipse.ditto.policies.model.signals.commands.PolicyCommand;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyIdNotExplicitlySettableException;
import org.eclipse.ditto.policies.model.signals.commands.modify.CreatePolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeletePolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeletePolicyEntry;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeleteResource;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeleteSubject;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicyEntries;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicyEntry;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyResource;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyResources;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifySubject;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifySubjects;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrievePolicy;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrievePolicyEntries;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrievePolicyEntry;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveResource;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveResources;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveSubject;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveSubjects;

/**
 * Ditto's policy HTTP API v2: {@code /api/2/policies/{policyId}} GET, PUT (201 created, 204
 * modified), DELETE, and below it {@code /entries}, {@code /entries/{label}}, {@code
 * /entries/{label}/subjects[/{subjectId}]} and {@code /entries/{label}/resources[/{resource}]}
 * (e.g. {@code .../resources/thing:/features/compute}). Each request becomes Ditto's own policy
 * command, run by {@link PolicyCommands} for the authenticated subject on a worker thread (a change
 * is answered only once committed); errors are Ditto's JSON. Mount after the {@code AuthApi}.
 */
public final class PoliciesApi implements HttpApi {
  private static final String POLICY = "/api/2/policies/:policyId";
  private static final String ENTRY = POLICY + "/entries/:label";
  private static final String RESOURCE =
      "/api/2/policies/(?<policyId>[^/]+)/entries/(?<label>[^/]+)/resources/(?<resource>.+)";

  private final PolicyCommands commands;

  public PoliciesApi(PolicyStore store) {
    this.commands = new PolicyCommands(store);
  }

  @Override
  public void mount(Router router) {
    router.get(POLICY).handler(run((ctx, id) -> RetrievePolicy.of(id, headers())));
    router.put(POLICY).handler(run((ctx, id) -> putPolicy(ctx, id)));
    router.delete(POLICY).handler(run((ctx, id) -> DeletePolicy.of(id, headers())));
    router
        .get(POLICY + "/entries")
        .handler(run((ctx, id) -> RetrievePolicyEntries.of(id, headers())));
    router
        .put(POLICY + "/entries")
        .handler(
            run(
                (ctx, id) ->
                    ModifyPolicyEntries.of(
                        id, PoliciesModelFactory.newPolicyEntries(object(ctx)), headers())));
    router.get(ENTRY).handler(run((ctx, id) -> RetrievePolicyEntry.of(id, label(ctx), headers())));
    router
        .put(ENTRY)
        .handler(
            run(
                (ctx, id) ->
                    ModifyPolicyEntry.of(
                        id,
                        PoliciesModelFactory.newPolicyEntry(label(ctx), object(ctx)),
                        headers())));
    router.delete(ENTRY).handler(run((ctx, id) -> DeletePolicyEntry.of(id, label(ctx), headers())));
    mountSubjects(router);
    mountResources(router);
  }

  private void mountSubjects(Router router) {
    String subjects = ENTRY + "/subjects";
    String subject = subjects + "/:subjectId";
    router.get(subjects).handler(run((ctx, id) -> RetrieveSubjects.of(id, label(ctx), headers())));
    router
        .put(subjects)
        .handler(
            run(
                (ctx, id) ->
                    ModifySubjects.of(
                        id, label(ctx), PoliciesModelFactory.newSubjects(object(ctx)), headers())));
    router
        .get(subject)
        .handler(run((ctx, id) -> RetrieveSubject.of(id, label(ctx), subjectId(ctx), headers())));
    router
        .put(subject)
        .handler(
            run(
                (ctx, id) ->
                    ModifySubject.of(
                        id,
                        label(ctx),
                        PoliciesModelFactory.newSubject(ctx.pathParam("subjectId"), object(ctx)),
                        headers())));
    router
        .delete(subject)
        .handler(run((ctx, id) -> DeleteSubject.of(id, label(ctx), subjectId(ctx), headers())));
  }

  private void mountResources(Router router) {
    String resources = ENTRY + "/resources";
    router
        .get(resources)
        .handler(run((ctx, id) -> RetrieveResources.of(id, label(ctx), headers())));
    router
        .put(resources)
        .handler(
            run(
                (ctx, id) ->
                    ModifyResources.of(
                        id,
                        label(ctx),
                        PoliciesModelFactory.newResources(object(ctx)),
                        headers())));
    router
        .getWithRegex(RESOURCE)
        .handler(run((ctx, id) -> RetrieveResource.of(id, label(ctx), resource(ctx), headers())));
    router
        .putWithRegex(RESOURCE)
        .handler(
            run(
                (ctx, id) ->
                    ModifyResource.of(
                        id,
                        label(ctx),
                        PoliciesModelFactory.newResource(resource(ctx), json(ctx)),
                        headers())));
    router
        .deleteWithRegex(RESOURCE)
        .handler(run((ctx, id) -> DeleteResource.of(id, label(ctx), resource(ctx), headers())));
  }

  /** A handler that builds the command, runs it for the request's subject and answers. */
  private Handler<RoutingContext> run(
      BiFunction<RoutingContext, PolicyId, PolicyCommand<?>> toCommand) {
    return ctx -> {
      PolicyId id = PolicyId.of(ctx.pathParam("policyId"));
      PolicyCommand<?> command = toCommand.apply(ctx, id);
      var auth = AuthHandler.authorizationContext(ctx);
      // A change blocks until it is committed to the policy journal: off the event loop, in order.
      ctx.vertx()
          .executeBlocking(() -> commands.execute(command, auth), true)
          .onSuccess(result -> respond(ctx, result))
          .onFailure(ctx::fail);
    };
  }

  private static void respond(RoutingContext ctx, PolicyCommands.Result result) {
    var response = ctx.response().setStatusCode(result.status());
    if (result.status() == 201) {
      response.putHeader(HttpHeaders.LOCATION, ctx.request().path());
    }
    if (result.body() == null) {
      response.end();
    } else {
      response
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(result.body().toString());
    }
  }

  /** PUT of a whole policy: create it when absent, else replace it; a body id must match. */
  private PolicyCommand<?> putPolicy(RoutingContext ctx, PolicyId id) {
    JsonObject body = object(ctx);
    body.getValue(Policy.JsonFields.ID)
        .filter(given -> !given.equals(id.toString()))
        .ifPresent(
            given -> {
              throw PolicyIdNotExplicitlySettableException.newBuilder().build();
            });
    Policy policy = PoliciesModelFactory.newPolicy(body.setValue("policyId", id.toString()));
    return commands.exists(id)
        ? ModifyPolicy.of(id, policy, headers())
        : CreatePolicy.of(policy, headers());
  }

  private static Label label(RoutingContext ctx) {
    return Label.of(ctx.pathParam("label"));
  }

  private static SubjectId subjectId(RoutingContext ctx) {
    return SubjectId.newInstance(ctx.pathParam("subjectId"));
  }

  private static ResourceKey resource(RoutingContext ctx) {
    return ResourceKey.newInstance(ctx.pathParam("resource"));
  }

  private static JsonObject object(RoutingContext ctx) {
    JsonValue value = json(ctx);
    if (!value.isObject()) {
      throw new DittoJsonException(
          new org.eclipse.ditto.json.JsonParseException("The request body must be a JSON object."));
    }
    return value.asObject();
  }

  private static JsonValue json(RoutingContext ctx) {
    String body = ctx.body() == null ? null : ctx.body().asString();
    try {
      return JsonFactory.readFrom(body == null || body.isBlank() ? "" : body);
    } catch (JsonRuntimeException e) {
      throw new DittoJsonException(e);
    }
  }

  private static DittoHeaders headers() {
    return DittoHeaders.empty();
  }
}
