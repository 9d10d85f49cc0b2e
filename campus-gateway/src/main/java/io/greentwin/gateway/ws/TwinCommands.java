package io.greentwin.gateway.ws;

import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import io.greentwin.twin.WriteKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.ditto.base.model.common.HttpStatus;
import org.eclipse.ditto.base.model.exceptions.DittoHeaderInvalidException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.base.model.signals.commands.Command;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonCollectors;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.UnknownCommandException;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingCommand;
import org.eclipse.ditto.things.model.signals.commands.WithSelectedFields;
import org.eclipse.ditto.things.model.signals.commands.modify.CreateThing;
import org.eclipse.ditto.things.model.signals.commands.modify.MergeThing;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyAttribute;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyThing;
import org.eclipse.ditto.things.model.signals.commands.modify.ThingModifyCommand;
import org.eclipse.ditto.things.model.signals.commands.query.RetrieveThings;

/**
 * Every Ditto thing command (create, modify, merge, retrieve, delete of the thing, its attributes,
 * definition, policy id, features, feature definition, properties and desired properties) mapped
 * onto {@link TwinService}: a modify command becomes one {@link TwinWrite} at the command's
 * resource path, a retrieve command reads the latest (or, with {@code at-historical-revision} /
 * {@code at-historical-timestamp}, a past) state. Futures fail with Ditto's exceptions.
 */
final class TwinCommands {
  static final String AT_REVISION = "at-historical-revision";
  static final String AT_TIMESTAMP = "at-historical-timestamp";
  private static final JsonPointer ROOT = JsonPointer.empty();
  private static final JsonPointer FEATURES = JsonPointer.of("/features");
  private static final JsonPointer ATTRIBUTES = JsonPointer.of("/attributes");
  private static final JsonKey PROPERTIES = JsonKey.of("properties");

  private final TwinService twins;
  private final Executor historyReads;
  private final WsAccess access;
  private final RqlShapeCache conditions;

  /**
   * @param historyReads where reads of past states run (they may replay a journal); latest-state
   *     reads and writes never block and run on the caller
   */
  TwinCommands(TwinService twins, Executor historyReads) {
    this(twins, historyReads, WsAccess.ALL, new RqlShapeCache());
  }

  /**
   * As {@link #TwinCommands(TwinService, Executor)}, enforcing the subject's policies, with the
   * {@code condition} headers parsed through {@code conditions}.
   */
  TwinCommands(
      TwinService twins, Executor historyReads, WsAccess access, RqlShapeCache conditions) {
    this.twins = twins;
    this.historyReads = historyReads;
    this.access = access;
    this.conditions = conditions;
  }

  /** Runs a thing command; the reply or Ditto's exception arrive on any thread. */
  CompletionStage<CommandReply> run(ThingCommand<?> cmd, String originator) {
    try {
      return cmd.getCategory() == Command.Category.QUERY ? read(cmd) : write(cmd, originator);
    } catch (DittoRuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A sync job's merge read without Ditto's adapter ({@link SyncMerge}): the write and the reply of
   * the same {@code MergeThing} through {@link #run}.
   */
  CompletionStage<CommandReply> merge(SyncMerge m, String originator) {
    return guarded(
        () ->
            new TwinWrite(
                m.thingId(),
                WriteKind.MERGE,
                ROOT,
                m.value(),
                ConditionalHeaders.forSyncMerge(m, access, conditions),
                originator),
        r -> CommandReply.noContent(r.thing().flatMap(EntityTag::fromEntity)));
  }

  /**
   * A property modify read without Ditto's adapter ({@link PropertyModify}): the write and the
   * reply of the same {@code ModifyFeatureProperty} through {@link #run}.
   */
  CompletionStage<CommandReply> modifyProperty(PropertyModify m, String originator) {
    return guarded(
        () ->
            new TwinWrite(
                m.thingId(),
                WriteKind.PUT,
                m.path(),
                m.value(),
                ConditionalHeaders.forProperty(m),
                originator),
        r -> reply(true, m.path(), r.created(), r.thing(), Optional.empty()));
  }

  /** The write as the subject may make it, answered by {@code reply}; Ditto's errors fail it. */
  private CompletionStage<CommandReply> guarded(
      Supplier<TwinWrite> write, Function<TwinWriteResult, CommandReply> reply) {
    try {
      return twins.write(access.guard(write.get())).thenApply(reply);
    } catch (DittoRuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** {@code _/_/things/twin/commands/retrieve} of several things: those that exist, in order. */
  JsonArray retrieveThings(RetrieveThings cmd) {
    return cmd.getEntityIds().stream()
        .map(twins::get)
        .flatMap(Optional::stream)
        .filter(access::canRead)
        .map(t -> access.view(t, ROOT, FieldSelection.thing(t, cmd.getSelectedFields())))
        .collect(JsonCollectors.valuesToArray());
  }

  private CompletionStage<CommandReply> write(ThingCommand<?> cmd, String originator) {
    if (!(cmd instanceof ThingModifyCommand<?> modify)) {
      throw UnknownCommandException.newBuilder(cmd.getType())
          .dittoHeaders(cmd.getDittoHeaders())
          .build();
    }
    JsonPointer path = resourcePath(cmd);
    TwinWrite write =
        new TwinWrite(
            cmd.getEntityId(),
            kind(cmd),
            path,
            value(modify),
            ConditionalHeaders.forWrite(cmd, path, access, conditions),
            originator);
    return twins.write(access.guard(write)).thenApply(r -> reply(cmd, path, r));
  }

  /**
   * The command's resource path. Properties and attributes, what sensors write, are built from
   * their parts: Ditto's {@code getResourcePath} renders the path as text and parses it again.
   */
  static JsonPointer resourcePath(ThingCommand<?> cmd) {
    if (cmd instanceof ModifyFeatureProperty m) {
      return FEATURES
          .addLeaf(JsonKey.of(m.getFeatureId()))
          .addLeaf(PROPERTIES)
          .append(m.getPropertyPointer());
    }
    if (cmd instanceof ModifyAttribute m) {
      return ATTRIBUTES.append(m.getAttributePointer());
    }
    return cmd.getResourcePath();
  }

  /** Ditto 2.4 files {@code MergeThing} under the MODIFY category, so it is told by its type. */
  static WriteKind kind(ThingCommand<?> cmd) {
    if (cmd instanceof MergeThing || cmd.getCategory() == Command.Category.MERGE) {
      return WriteKind.MERGE;
    }
    return cmd.getCategory() == Command.Category.DELETE ? WriteKind.DELETE : WriteKind.PUT;
  }

  private static JsonValue value(ThingModifyCommand<?> cmd) {
    if (cmd instanceof CreateThing c) {
      return c.getThing().toJson(); // without the inline policy: policies are not kept here
    }
    if (cmd instanceof ModifyThing m) {
      return m.getThing().toJson();
    }
    return cmd.getEntity().orElse(JsonValue.nullLiteral());
  }

  private static CommandReply reply(ThingCommand<?> cmd, JsonPointer path, TwinWriteResult r) {
    Optional<Thing> after = r.thing();
    // the thing's ETag is its revision; a part's ETag hashes the part's JSON, so it is computed
    // only for a client that works with ETags (one that sent If-Match / If-None-Match)
    boolean withEtag = path.isEmpty() || ConditionalHeaders.isConditional(cmd.getDittoHeaders());
    var etag =
        withEtag
            ? after.flatMap(t -> ConditionalHeaders.etag(t, path))
            : Optional.<EntityTag>empty();
    boolean created = cmd instanceof CreateThing || r.created();
    return reply(kind(cmd) == WriteKind.PUT, path, created, after, etag);
  }

  /** 201 with the created value for a PUT that created it, else 204. */
  private static CommandReply reply(
      boolean put,
      JsonPointer path,
      boolean created,
      Optional<Thing> after,
      Optional<EntityTag> etag) {
    if (!put || !created || after.isEmpty()) {
      return CommandReply.noContent(etag);
    }
    JsonValue value =
        path.isEmpty()
            ? after.get().toJson()
            : after.get().toJson().getValue(path).orElse(JsonValue.nullLiteral());
    return CommandReply.of(HttpStatus.CREATED, value, etag);
  }

  private CompletionStage<CommandReply> read(ThingCommand<?> cmd) {
    DittoHeaders h = cmd.getDittoHeaders();
    Optional<String> atRevision = Optional.ofNullable(h.get(AT_REVISION));
    Optional<String> atTime = Optional.ofNullable(h.get(AT_TIMESTAMP));
    if (atRevision.isEmpty() && atTime.isEmpty()) {
      return CompletableFuture.completedFuture(answer(cmd, twins.get(cmd.getEntityId())));
    }
    ThingId id = cmd.getEntityId();
    return CompletableFuture.supplyAsync(
        () ->
            answer(
                cmd,
                atRevision.isPresent()
                    ? twins.getAtRevision(id, revision(atRevision.get(), h))
                    : twins.getAtTime(id, instant(atTime.orElseThrow(), h))),
        historyReads);
  }

  private CommandReply answer(ThingCommand<?> cmd, Optional<Thing> state) {
    ThingId id = cmd.getEntityId();
    DittoHeaders h = cmd.getDittoHeaders();
    JsonPointer path = cmd.getResourcePath();
    Thing thing = state.orElseThrow(() -> notFound(id, ROOT, h));
    access.checkRead(thing, path, h);
    ConditionalHeaders.checkRead(h, thing, path, access, conditions);
    Optional<JsonFieldSelector> fields =
        cmd instanceof WithSelectedFields s ? s.getSelectedFields() : Optional.empty();
    JsonValue value =
        path.isEmpty()
            ? FieldSelection.thing(thing, fields)
            : FieldSelection.value(
                thing.toJson().getValue(path).orElseThrow(() -> notFound(id, path, h)), fields);
    return CommandReply.of(
        HttpStatus.OK, access.view(thing, path, value), ConditionalHeaders.etag(thing, path));
  }

  private static DittoRuntimeException notFound(ThingId id, JsonPointer path, DittoHeaders h) {
    return TwinErrors.notFound(id, path).setDittoHeaders(h);
  }

  private static long revision(String header, DittoHeaders h) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      throw DittoHeaderInvalidException.newInvalidTypeBuilder(AT_REVISION, header, "integer")
          .dittoHeaders(h)
          .build();
    }
  }

  private static Instant instant(String header, DittoHeaders h) {
    try {
      return Instant.parse(header.strip());
    } catch (DateTimeParseException e) {
      throw DittoHeaderInvalidException.newInvalidTypeBuilder(AT_TIMESTAMP, header, "timestamp")
          .dittoHeaders(h)
          .build();
    }
  }
}
