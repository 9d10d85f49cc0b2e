package io.greentwin.campus;

/** A point on the site plan in metres: x east, y north, z up. */
public record Position(double xM, double yM, double zM) {
  public static final Position ORIGIN = new Position(0, 0, 0);

  /** This point moved by an offset. */
  public Position plus(double dxM, double dyM, double dzM) {
    return new Position(xM + dxM, yM + dyM, zM + dzM);
  }

  /** This point moved by another point taken as an offset. */
  public Position plus(Position offset) {
    return plus(offset.xM, offset.yM, offset.zM);
  }
}
