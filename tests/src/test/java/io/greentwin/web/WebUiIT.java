package io.greentwin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.greentwin.testsupport.CampusGateway;
import io.greentwin.testsupport.CampusPage;
import io.greentwin.testsupport.Chromium;
import io.greentwin.testsupport.Pixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 3D campus view in a real browser (Debian's Chromium, headless, software WebGL) against the
 * gateway as {@code greentwin run} composes it, over a small copy of the demo campus: sign-in, the
 * scene, picking a rack, and live values arriving over the change stream.
 */
class WebUiIT {
  private static final String RACK = "greentwin.xianghe:b1-h1-r01-k04";
  private static final String NEIGHBOUR = "greentwin.xianghe:b1-h1-r01-k05";

  private static CampusGateway gateway;
  private static Chromium chromium;
  private static Page page;
  private static final List<String> errors = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void openTheCampus() throws Exception {
    chromium = Chromium.launch();
    gateway = CampusGateway.start(Path.of("src/test/resources/web-ui-campus.yaml"));
    page = CampusPage.open(chromium, gateway, "operator", errors);
  }

  @AfterAll
  static void close() throws Exception {
    CampusPage.close(chromium, gateway);
  }

  @Test
  void drawsTheCampusInFewDrawCallsWithoutConsoleErrors() throws Exception {
    page.waitForTimeout(500);
    BufferedImage canvas =
        ImageIO.read(new ByteArrayInputStream(page.locator("#scene").screenshot()));
    assertThat(Pixels.luminanceStdDev(canvas)).as("the canvas is not blank").isGreaterThan(8);
    @SuppressWarnings("unchecked")
    Map<String, Object> stats = (Map<String, Object>) page.evaluate("greentwin.stats");
    assertThat(((Number) stats.get("calls")).intValue()).isBetween(5, 100);
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) page.evaluate("greentwin.instanceCounts()");
    assertThat(counts).containsKeys("building", "rack", "server", "cdu", "pump", "pv_array");
    assertThat(((Number) counts.get("rack")).intValue()).isEqualTo(4 * 4 * 5);
    assertThat(errors).isEmpty();
  }

  @Test
  void clickingARackOpensItsTwinAndItsValuesChangeLive() throws Exception {
    page.fill("#search", RACK);
    page.press("#search", "Enter");
    page.waitForSelector("#panel-id:has-text('" + RACK + "')");
    page.keyboard().press("Escape");
    page.waitForSelector(
        "#panel", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    page.waitForTimeout(300); // the camera settles (damping)

    @SuppressWarnings("unchecked")
    Map<String, Number> at =
        (Map<String, Number>) page.evaluate("id => greentwin.screenPosition(id)", NEIGHBOUR);
    page.mouse().click(at.get("x").doubleValue(), at.get("y").doubleValue());
    page.waitForSelector("#panel-id:has-text('" + NEIGHBOUR + "')");
    String power = "#panel-props td.v[data-path='power/powerKw']";
    assertThat(page.textContent(power)).isEqualTo("—");

    assertThat(gateway.put(NEIGHBOUR, "/features/power/properties/powerKw", "12.5")).isEqualTo(204);
    page.waitForSelector(power + ":has-text('12.5 kW')");
    page.waitForSelector("#live[data-state='live']");
    assertThat(gateway.put(NEIGHBOUR, "/features/power/properties/powerKw", "3.25")).isEqualTo(204);
    page.waitForSelector(power + ":has-text('3.25 kW')");
    assertThat(errors).isEmpty();
  }

  /**
   * A stream that changes colours every few milliseconds is merged at every animation frame, but on
   * software WebGL drawn only eight times a second (scene.js, AMBIENT_STEP_S), so that it cannot
   * keep the rasteriser busy every frame; a change that comes last is drawn all the same.
   */
  @Test
  void aStreamOfChangesIsMergedEveryFrameButDrawnAtTheSoftwareCadence() throws Exception {
    assertThat((Boolean) page.evaluate("greentwin.software")).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> run =
        (Map<String, Object>)
            page.evaluate(
                """
                async () => {
                  const ids = greentwin.ids('server');
                  let animationFrames = 0;
                  let running = true;
                  const tick = () => { animationFrames++; if (running) requestAnimationFrame(tick); };
                  requestAnimationFrame(tick);
                  const drawnBefore = greentwin.stats.frames;
                  const start = performance.now();
                  let k = 0;
                  while (performance.now() - start < 2000) {
                    greentwin.inject([{ thingId: ids[k++ % ids.length],
                      features: { power: { properties: { powerW: 100 + (k % 50) * 100 } } } }]);
                    await new Promise((r) => setTimeout(r, 4));
                  }
                  const seconds = (performance.now() - start) / 1000;
                  running = false;
                  const drawn = greentwin.stats.frames - drawnBefore;
                  greentwin.inject([{ thingId: ids[0],
                    features: { power: { properties: { powerW: 7000 } } } }]);
                  await new Promise((r) => requestAnimationFrame(r));
                  const waiting = greentwin.undrawnColours();
                  await new Promise((r) => setTimeout(r, 500));
                  return { seconds, animationFrames, changes: k, drawn, waiting,
                    left: greentwin.undrawnColours() };
                }
                """);
    double seconds = ((Number) run.get("seconds")).doubleValue();
    int drawn = ((Number) run.get("drawn")).intValue();
    assertThat(((Number) run.get("changes")).intValue()).isGreaterThan(100);
    assertThat(drawn)
        .as("frames drawn while %s changes streamed in", run.get("changes"))
        .isBetween(2, (int) Math.ceil(seconds / 0.125) + 4);
    assertThat(((Number) run.get("animationFrames")).intValue()).isGreaterThan(drawn);
    assertThat(((Number) run.get("left")).intValue())
        .as(
            "a change merged after the stream (%s meshes waiting at first) is drawn",
            run.get("waiting"))
        .isZero();
    assertThat(errors).isEmpty();
  }

  @Test
  void theHeaderShowsCampusKpisOnceTheyArrive() throws Exception {
    String pue = "#kpis dd[data-kpi='PUE']";
    assertThat(page.textContent(pue)).isEqualTo("—");
    assertThat(gateway.put("greentwin.xianghe:campus", "/features/kpi/properties/pue", "1.18"))
        .isEqualTo(201);
    page.waitForSelector(pue + ":has-text('1.18')");
  }

  @Test
  void onAWallDisplayTheTextScalesUpAndStillFits() throws Exception {
    String kpiLabel = "parseFloat(getComputedStyle(document.querySelector('#kpis dt')).fontSize)";
    double laptop = ((Number) page.evaluate(kpiLabel)).doubleValue();
    List<String> wallErrors = new CopyOnWriteArrayList<>();
    Page wall = CampusPage.open(chromium, gateway, "operator", wallErrors, 3840, 2160);
    try {
      double onWall = ((Number) wall.evaluate(kpiLabel)).doubleValue();
      assertThat(onWall).as("KPI labels on a 4K wall display").isGreaterThanOrEqualTo(2 * laptop);
      assertThat((Boolean) wall.evaluate("document.documentElement.scrollWidth <= innerWidth"))
          .as("nothing runs off the screen")
          .isTrue();
      java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
      wall.screenshot(
          new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "wall.png")));
      assertThat(wallErrors).isEmpty();
    } finally {
      wall.close();
    }
  }
}
