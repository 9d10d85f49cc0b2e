package io.greentwin.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test assertion: a call is rejected as an invalid argument, with a message that names it. */
public final class Rejections {
  private Rejections() {}

  /** Asserts that the call throws {@code argument:invalid} with a message containing the text. */
  public static void assertRejected(ThrowingCallable call, String messageFragment) {
    GreenTwinException e = catchThrowableOfType(GreenTwinException.class, call);
    assertThat(e).as("expected argument:invalid naming '%s'", messageFragment).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_INVALID);
    assertThat(e.getMessage()).contains(messageFragment);
  }
}
