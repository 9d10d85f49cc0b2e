package io.greentwin.jobs.sync;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Campus;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Which things the campus has and of which kind, so ingest knows each thing's sensor points ({@link
 * AssetKind#points()}). Built from {@code config/campus.yaml} on the client and shipped with the
 * job: small (one entry per thing) and serializable.
 */
public final class SensorCatalogue implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, AssetKind> kinds;

  private SensorCatalogue(HashMap<String, AssetKind> kinds) {
    this.kinds = kinds;
  }

  /** Every thing of an expanded campus. */
  public static SensorCatalogue of(Campus campus) {
    HashMap<String, AssetKind> kinds = new HashMap<>();
    for (Asset a : campus.assets()) {
      kinds.put(a.id(), a.kind());
    }
    return new SensorCatalogue(kinds);
  }

  /** A catalogue of the given things, for tests and partial campuses. */
  public static SensorCatalogue of(Map<String, AssetKind> kinds) {
    return new SensorCatalogue(new HashMap<>(kinds));
  }

  /** The kind of a thing, or null when the campus has no such thing. */
  public AssetKind kindOf(String thingId) {
    return kinds.get(thingId);
  }

  /** The number of things. */
  public int size() {
    return kinds.size();
  }
}
