package io.greentwin.jobs.sync;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.PointSpec;
import io.greentwin.sim.Reading;
import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a well-formed reading against the campus: the thing exists, it has the sensor point, the
 * unit is the point's, and the value is physically possible ({@link PhysicalBounds}). The reason
 * starts with a stable code: {@code unknown-thing}, {@code unknown-point}, {@code unit-mismatch} or
 * {@code impossible-value}.
 */
final class ReadingValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SensorCatalogue catalogue;

  /** Each catalogue point's range, worked out once: points are the catalogue's own instances. */
  private transient Map<PointSpec, PhysicalBounds.Range> ranges;

  ReadingValidator(SensorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Why the reading is invalid, or empty when it is valid. */
  Optional<String> problem(Reading r) {
    AssetKind kind = catalogue.kindOf(r.thingId());
    if (kind == null) {
      return Optional.of("unknown-thing: the campus has no thing '" + r.thingId() + "'");
    }
    PointSpec point = kind.point(r.feature(), r.property());
    if (point == null) {
      return Optional.of(
          "unknown-point: a "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " has no sensor '"
              + r.feature()
              + "/"
              + r.property()
              + "'; it has: "
              + kind.points().stream().map(PointSpec::path).collect(Collectors.joining(", ")));
    }
    if (!point.unit().ucum().equals(r.unit())) {
      return Optional.of(
          "unit-mismatch: '"
              + r.unit()
              + "' is not the unit of "
              + point.path()
              + ", which is '"
              + point.unit().ucum()
              + "'");
    }
    if (ranges == null) {
      ranges = new IdentityHashMap<>();
    }
    PhysicalBounds.Range range = ranges.computeIfAbsent(point, PhysicalBounds::of);
    if (!range.contains(r.value())) {
      return Optional.of(
          "impossible-value: "
              + r.value()
              + " "
              + r.unit()
              + " for "
              + point.path()
              + " is outside ["
              + range.min()
              + ", "
              + range.max()
              + "]"
              + (range.integral() ? " or not whole" : "")
              + ": "
              + range.why());
    }
    return Optional.empty();
  }
}
