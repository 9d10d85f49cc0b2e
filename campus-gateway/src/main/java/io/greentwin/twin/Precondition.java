package io.greentwin.twin;

import java.util.Optional;
import org.eclipse.ditto.things.model.Thing;

/**
 * A check a write makes against the twin's current state, atomically with the write: ETag {@code
 * If-Match}/{@code If-None-Match}, an RQL {@code condition}. Throws Ditto's exception (e.g. {@code
 * things:precondition.failed}) when not met; nothing is then changed and no event emitted.
 */
@FunctionalInterface
public interface Precondition {
  Precondition NONE = current -> {};

  void check(Optional<Thing> current);
}
