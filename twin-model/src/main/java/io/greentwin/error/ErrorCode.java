package io.greentwin.error;

/** Stable error codes with the HTTP status they render as. Add codes here, never elsewhere. */
public enum ErrorCode {
  CONFIG_INVALID("config:invalid", 400),
  CONFIG_NOT_FOUND("config:not-found", 400),
  ARGUMENT_INVALID("argument:invalid", 400),
  WEATHER_INVALID("weather:invalid", 400),
  FAULTS_INVALID("faults:invalid", 400),
  READING_INVALID("reading:invalid", 400),
  HISTORY_TOO_LARGE("history:too-large", 400),
  IO_FAILED("io:failed", 500),
  INTERNAL("internal:error", 500);

  private final String id;
  private final int status;

  ErrorCode(String id, int status) {
    this.id = id;
    this.status = status;
  }

  public String id() {
    return id;
  }

  public int status() {
    return status;
  }
}
