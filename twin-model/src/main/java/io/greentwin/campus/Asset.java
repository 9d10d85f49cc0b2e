package io.greentwin.campus;

import java.util.Map;

/**
 * One physical asset of the campus, mirrored by one Ditto thing. Ids are full thing ids ({@code
 * namespace:name}); the parent is the containing asset (Brick {@code isPartOf}), null for the site.
 */
public interface Asset {
  String id();

  AssetKind kind();

  String name();

  String parentId();

  Position position();

  Size size();

  /** Kind-specific attributes (capacities, models), with units in their names. */
  default Map<String, Object> attributes() {
    return Map.of();
  }

  /** Brick relationships to other assets besides the parent, e.g. {@code isFedBy -> cdu id}. */
  default Map<String, String> relations() {
    return Map.of();
  }
}
