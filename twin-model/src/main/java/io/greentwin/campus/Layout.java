package io.greentwin.campus;

/** Physical dimensions used to lay out halls, rows, racks and servers on the plan. */
final class Layout {
  private Layout() {}

  /** Standard 600 mm rack width (EIA-310 racks are 19 in rails in a 600 mm cabinet). */
  static final double RACK_WIDTH_M = 0.6;

  /** Cabinet depth for liquid-cooled racks, 1200 mm (common vendor size). */
  static final double RACK_DEPTH_M = 1.2;

  /** Row pitch: one rack depth plus a 1.2 m hot/cold aisle (two 600 mm floor tiles). */
  static final double ROW_PITCH_M = RACK_DEPTH_M + 1.2;

  /** 42U cabinet height, about 2.0 m. */
  static final double RACK_HEIGHT_M = 2.0;

  /** One rack unit, 1.75 in = 44.45 mm (EIA-310). */
  static final double RACK_UNIT_M = 0.04445;

  /** Clearance around the rack block inside a hall and where the CDUs stand. */
  static final double HALL_MARGIN_M = 3.0;

  /** Hall ceiling height used for the 3D box. */
  static final double HALL_HEIGHT_M = 5.0;

  /** Spacing between identical plant units placed in a line (pumps, dry coolers, inverters). */
  static final double UNIT_SPACING_M = 6.0;

  static Size hallSize(HallConfig hall) {
    return new Size(
        hall.racksPerRow() * RACK_WIDTH_M + 2 * HALL_MARGIN_M,
        hall.rows() * ROW_PITCH_M + 2 * HALL_MARGIN_M,
        HALL_HEIGHT_M);
  }
}
