package io.greentwin.error;

/**
 * The one project exception. It carries a stable error code ({@code config:invalid}, {@code
 * reading:invalid}, {@code twin:not-found}, ...), an HTTP-like status and a description, so every
 * deployable renders it the same way (Ditto's error JSON on the API, one line on the CLI).
 */
public class GreenTwinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String description;

  public GreenTwinException(ErrorCode code, String message, String description, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.description = description == null ? "" : description;
  }

  public GreenTwinException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public ErrorCode code() {
    return code;
  }

  public String description() {
    return description;
  }

  /** True when the caller's input is at fault (bad config, bad argument): status 4xx. */
  public boolean isUserError() {
    return code.status() >= 400 && code.status() < 500;
  }
}
