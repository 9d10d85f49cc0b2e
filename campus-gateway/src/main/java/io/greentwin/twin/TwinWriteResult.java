package io.greentwin.twin;

import java.util.Optional;
import org.eclipse.ditto.things.model.Thing;

/**
 * What a durable write did: the event it caused and the thing after it (empty after a delete of the
 * whole thing). {@code created} tells HTTP 201 from 204.
 */
public record TwinWriteResult(TwinEvent event, Optional<Thing> thing, boolean created) {}
