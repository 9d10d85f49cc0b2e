package io.greentwin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.ditto.base.model.auth.DittoAuthorizationContextType;
import org.eclipse.ditto.base.model.signals.commands.exceptions.GatewayAuthenticationFailedException;
import org.junit.jupiter.api.Test;

class JwtTokensTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final JwtTokens tokens =
      new JwtTokens("greentwin", SECRET, Duration.ofMinutes(30), clock);
  private final AuthSubject operator =
      new AuthSubject("operator", Role.OPERATOR, DittoAuthorizationContextType.JWT);

  @Test
  void issuedTokenVerifiesToItsSubjectAndRole() {
    IssuedToken issued = tokens.issue(operator);

    assertThat(issued.expiresIn()).isEqualTo(1800);
    assertThat(tokens.verify(issued.token())).isEqualTo(operator);
  }

  @Test
  void tokenIsValidUntilItsExpiryOnTheInjectedClock() {
    String token = tokens.issue(operator).token();

    clock.advance(Duration.ofMinutes(30).minusSeconds(1));
    assertThat(tokens.verify(token).user()).isEqualTo("operator");
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(GatewayAuthenticationFailedException.class)
        .hasFieldOrPropertyWithValue("errorCode", "gateway:authentication.failed")
        .satisfies(e -> assertThat(description(e)).contains("expired"));
  }

  @Test
  void tokenOfAnotherIssuerIsRejected() {
    JwtTokens other = new JwtTokens("someone-else", SECRET, Duration.ofMinutes(30), clock);

    assertThatThrownBy(() -> tokens.verify(other.issue(operator).token()))
        .satisfies(e -> assertThat(description(e)).contains("not issued by 'greentwin'"));
  }

  @Test
  void tokenSignedWithAnotherSecretIsRejected() {
    JwtTokens other =
        new JwtTokens(
            "greentwin",
            "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8),
            Duration.ofMinutes(30),
            clock);

    assertThatThrownBy(() -> tokens.verify(other.issue(operator).token()))
        .satisfies(e -> assertThat(description(e)).contains("signature is invalid"));
  }

  @Test
  void unsignedTokenIsRejected() {
    String[] parts = tokens.issue(operator).token().split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> tokens.verify(none + "." + parts[1] + "."))
        .isInstanceOf(GatewayAuthenticationFailedException.class);
  }

  @Test
  void shortSecretsAreRefused() {
    assertThatThrownBy(() -> new JwtTokens("greentwin", new byte[31], Duration.ofHours(1), clock))
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void secretComesFromTheNamedEnvironmentVariable() {
    JwtConfig config = new JwtConfig("greentwin", "MY_SECRET", null, Duration.ofHours(1));
    String secret = new String(SECRET, StandardCharsets.UTF_8);

    JwtTokens fromEnv =
        JwtTokens.create(config, name -> "MY_SECRET".equals(name) ? secret : null, clock);

    assertThat(tokens.verify(fromEnv.issue(operator).token())).isEqualTo(operator);
  }

  @Test
  void tooShortSecretInTheEnvironmentIsAConfigError() {
    JwtConfig config = new JwtConfig("greentwin", "MY_SECRET", null, Duration.ofHours(1));

    assertThatThrownBy(() -> JwtTokens.create(config, name -> "short", clock))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
              assertThat(e.getMessage()).contains("jwt.secretEnv", "MY_SECRET", "5 bytes");
            });
  }

  @Test
  void unsetSecretVariableMeansARandomSecretPerProcess() {
    JwtTokens a = JwtTokens.create(JwtConfig.DEFAULT, name -> null, clock);
    JwtTokens b = JwtTokens.create(JwtConfig.DEFAULT, name -> null, clock);

    String token = a.issue(operator).token();
    assertThat(a.verify(token)).isEqualTo(operator);
    assertThatThrownBy(() -> b.verify(token))
        .isInstanceOf(GatewayAuthenticationFailedException.class);
  }

  private static String description(Throwable e) {
    return ((GatewayAuthenticationFailedException) e).getDescription().orElse("");
  }
}
