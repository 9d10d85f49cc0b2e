package io.greentwin.campus;

/** A position as written in the config: x and y in metres, z optional. */
public record PlanPosition(double xM, double yM, Double zM) {
  public Position toPosition() {
    return new Position(xM, yM, zM == null ? 0 : zM);
  }
}
