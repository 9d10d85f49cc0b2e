package io.greentwin.jobs.twin;

/** The twin service refused a patch for good (a 4xx other than 408 and 429): no retry helps. */
final class TwinRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  TwinRejectedException(int status, String error) {
    super(status + " " + error);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** True for Ditto's 412 {@code things:condition.failed}: the patch's RQL condition was unmet. */
  boolean conditionFailed() {
    return status == 412 && getMessage().contains("condition.failed");
  }
}
