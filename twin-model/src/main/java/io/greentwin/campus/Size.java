package io.greentwin.campus;

/** Extent of an asset's box on the site plan, in metres. */
public record Size(double x, double y, double z) {
  public static final Size NONE = new Size(0, 0, 0);
}
