package io.greentwin.gateway.ws;

import java.util.Optional;
import org.eclipse.ditto.base.model.common.HttpStatus;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.json.JsonValue;

/**
 * What a thing command answers: Ditto's status ({@code 201} created, {@code 204} changed, {@code
 * 200} retrieved), the value when there is one, and the resource's ETag after the command.
 */
record CommandReply(HttpStatus status, Optional<JsonValue> value, Optional<EntityTag> etag) {

  static CommandReply noContent(Optional<EntityTag> etag) {
    return new CommandReply(HttpStatus.NO_CONTENT, Optional.empty(), etag);
  }

  static CommandReply of(HttpStatus status, JsonValue value, Optional<EntityTag> etag) {
    return new CommandReply(status, Optional.of(value), etag);
  }
}
