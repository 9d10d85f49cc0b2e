package io.greentwin.units;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;

/**
 * Argument checks shared by the physics and KPI records. Each check returns its value so that it
 * reads inline, and fails with {@link ErrorCode#ARGUMENT_INVALID} naming the argument, the rule and
 * the value it got. NaN fails every check.
 */
public final class Require {
  private Require() {}

  /** A finite number (not NaN, not infinite). */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw invalid(name + " must be a finite number, was " + value);
    }
    return value;
  }

  /** A finite number ≥ 0. */
  public static double nonNegative(String name, double value) {
    if (!(Double.isFinite(value) && value >= 0)) {
      throw invalid(name + " must be ≥ 0, was " + value);
    }
    return value;
  }

  /** A finite number > 0. */
  public static double positive(String name, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw invalid(name + " must be > 0, was " + value);
    }
    return value;
  }

  /** A fraction in [0, 1]. */
  public static double fraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw invalid(name + " must be in [0, 1], was " + value);
    }
    return value;
  }

  /** An efficiency in (0, 1]. */
  public static double efficiency(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw invalid(name + " must be in (0, 1], was " + value);
    }
    return value;
  }

  /** A value that is present. */
  public static <T> T present(String name, T value) {
    if (value == null) {
      throw invalid(name + " is required");
    }
    return value;
  }

  /** The exception every check throws: code {@code argument:invalid} with this message. */
  public static GreenTwinException invalid(String message) {
    return new GreenTwinException(ErrorCode.ARGUMENT_INVALID, message);
  }
}
