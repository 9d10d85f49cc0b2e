package io.greentwin.campus;

import io.greentwin.units.UnitCode;

/**
 * One sensor point of an asset: the twin feature and property it updates and its unit. The property
 * name carries the unit ({@code powerKw}, {@code supplyTempC}).
 */
public record PointSpec(String feature, String property, UnitCode unit) {
  /** {@code feature/property}, the point's path below {@code features}. */
  public String path() {
    return feature + "/" + property;
  }
}
