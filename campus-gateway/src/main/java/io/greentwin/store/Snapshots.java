package io.greentwin.store;

import io.greentwin.json.JsonText;
import java.util.Optional;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * A thing to and from its snapshot JSON, with {@code _revision}, {@code _created}, {@code
 * _modified}.
 */
final class Snapshots {
  private Snapshots() {}

  static String json(Optional<Thing> thing) {
    // One pass into one buffer (JsonText), not Ditto's toString of every nested object.
    return thing
        .map(t -> JsonText.of(t.toJson(JsonSchemaVersion.V_2, FieldType.all())))
        .orElse(null);
  }

  static Optional<Thing> parse(String json) {
    return json == null
        ? Optional.empty()
        : Optional.of(ThingsModelFactory.newThing(JsonFactory.newObject(json)));
  }
}
