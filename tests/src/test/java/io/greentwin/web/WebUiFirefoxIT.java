package io.greentwin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greentwin.testsupport.CampusGateway;
import io.greentwin.testsupport.Firefox;
import io.greentwin.testsupport.Pixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 3D campus view in Firefox (Debian's ESR, headless, software WebGL) over WebDriver BiDi, as
 * {@link WebUiIT} checks it in Chromium: sign-in, a scene that is drawn in few draw calls without
 * console errors, a twin opened by search whose values change live, and the KPI header.
 */
class WebUiFirefoxIT {
  private static final String RACK = "greentwin.xianghe:b1-h1-r01-k04";
  private static final Duration WAIT = Duration.ofSeconds(120);

  private static CampusGateway gateway;
  private static Firefox firefox;

  @BeforeAll
  static void openTheCampus() throws Exception {
    firefox = Firefox.launch(1280, 720);
    gateway = CampusGateway.start(Path.of("src/test/resources/web-ui-campus.yaml"));
    firefox.navigate(gateway.httpUrl() + "/");
    firefox.waitFor("document.getElementById('login-form')", WAIT);
    firefox.evaluate(
        "(() => { document.getElementById('login-user').value = 'operator';"
            + " document.getElementById('login-password').value = 'operator';"
            + " document.getElementById('login-form').requestSubmit(); return true; })()");
    try {
      firefox.waitFor("window.greentwin && window.greentwin.ready", WAIT);
    } catch (AssertionError e) {
      java.nio.file.Files.write(Path.of("target", "firefox-not-ready.png"), firefox.screenshot());
      throw e;
    }
  }

  @AfterAll
  static void close() throws Exception {
    if (firefox != null) {
      firefox.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void drawsTheCampusInFewDrawCallsWithoutConsoleErrors() throws Exception {
    Thread.sleep(500);
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(firefox.screenshot()));
    assertThat(Pixels.luminanceStdDev(page)).as("the page is not blank").isGreaterThan(8);
    JsonNode calls = firefox.evaluate("greentwin.stats.calls");
    assertThat(calls.asInt()).isBetween(5, 100);
    JsonNode counts = firefox.evaluate("greentwin.instanceCounts()");
    assertThat(counts.path("rack").asInt()).isEqualTo(4 * 4 * 5);
    assertThat(counts.has("server") && counts.has("cdu") && counts.has("pv_array")).isTrue();
    assertThat(firefox.consoleErrors()).isEmpty();
  }

  @Test
  void aTwinFoundBySearchShowsValuesThatChangeLive() throws Exception {
    firefox.evaluate(
        "(() => { document.getElementById('search').value = '"
            + RACK
            + "'; document.getElementById('search-form').requestSubmit(); return true; })()");
    firefox.waitFor(
        "document.getElementById('panel-id').textContent.includes('" + RACK + "')", WAIT);
    String power = "document.querySelector(\"#panel-props td.v[data-path='power/powerKw']\")";
    assertThat(gateway.put(RACK, "/features/power/properties/powerKw", "12.5")).isEqualTo(204);
    firefox.waitFor(power + " && " + power + ".textContent === '12.5 kW'", WAIT);
    assertThat(gateway.put(RACK, "/features/power/properties/powerKw", "3.25")).isEqualTo(204);
    firefox.waitFor(power + ".textContent === '3.25 kW'", WAIT);
    assertThat(firefox.consoleErrors()).isEmpty();
  }

  @Test
  void theHeaderShowsCampusKpisOnceTheyArrive() throws Exception {
    String pue = "document.querySelector(\"#kpis dd[data-kpi='PUE']\").textContent";
    assertThat(firefox.evaluate(pue).asText()).isEqualTo("—");
    assertThat(gateway.put("greentwin.xianghe:campus", "/features/kpi/properties/pue", "1.18"))
        .isEqualTo(201);
    firefox.waitFor(pue + ".includes('1.18')", WAIT);
  }
}
