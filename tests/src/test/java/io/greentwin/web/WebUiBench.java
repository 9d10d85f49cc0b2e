package io.greentwin.web;

import com.microsoft.playwright.Page;
import io.greentwin.testsupport.CampusGateway;
import io.greentwin.testsupport.Chromium;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.Thing;

/**
 * "First render of the campus on localhost": the web UI in headless Chromium (software WebGL)
 * against the gateway as {@code greentwin run} composes it, in the same JVM; the time from
 * navigation to the first frame with every twin drawn ({@code performance.now()} at that frame),
 * where that time goes (snapshot request, body, JSON parsing, building the scene, first frames),
 * what a frame costs the rasteriser (render time until drawn, draw calls, triangles, fragments;
 * load-insensitive except for the time), and the instance counts. Before measuring it gives every
 * twin plausible values (so that the colours show), and it can save a screenshot of the live view.
 * A benchmark to run by hand, not a test.
 *
 * <p>Usage: {@code WebUiBench [campus.yaml=config/campus.yaml] [runs=3] [screenshot.png]}
 */
public final class WebUiBench {
  /**
   * In the page: 10,000 server changes (utilisation and power) a second for 10 s, in small batches
   * every few milliseconds as a stream delivers them (so that every frame has changes to draw), fed
   * to the app's change handler (no network); the frame times meanwhile. The argument is how often
   * a frame is waited for until drawn (0: never; a wait stalls that frame, so the frame intervals
   * are taken from a run without it).
   */
  private static final String UPDATE_RATE_SCRIPT =
      """
      async (drawnEvery) => {
        const ids = greentwin.ids('server');
        const frames = [];
        let last = performance.now();
        let running = true;
        const tick = (t) => { frames.push(t - last); last = t; if (running) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        greentwin.stats.samples = [];
        greentwin.stats.drawnEvery = drawnEvery;
        let sent = 0;
        const start = performance.now();
        while (performance.now() - start < 10000) {
          const due = Math.floor((performance.now() - start) * 10); // 10 changes a millisecond
          const batch = [];
          for (let k = sent; k < due; k++) {
            const u = Math.random() * 100;
            batch.push({ thingId: ids[k % ids.length], features: {
              compute: { properties: { utilisationPct: u } },
              power: { properties: { powerW: 190 + 4.6 * u } } } });
          }
          greentwin.inject(batch);
          sent += batch.length;
          await new Promise((r) => setTimeout(r, 4));
        }
        running = false;
        const seconds = (performance.now() - start) / 1000;
        frames.sort((a, b) => a - b);
        const q = (p) => Math.round(frames[Math.min(frames.length - 1, Math.floor(p * frames.length))]);
        const samples = greentwin.stats.samples;
        greentwin.stats.samples = null;
        greentwin.stats.drawnEvery = 0;
        const apply = samples.map((x) => x[0]).sort((a, b) => a - b);
        const render = samples.map((x) => x[1]).sort((a, b) => a - b);
        const drawn = samples.map((x) => x[2]).filter((x) => x !== null).sort((a, b) => a - b);
        const at = (list, p) => Math.round(list[Math.min(list.length - 1, Math.floor(p * list.length))] * 10) / 10;
        return JSON.stringify({ changesPerSecond: Math.round(sent / seconds), frames: frames.length,
          applyMsP50: at(apply, 0.5), applyMsMax: at(apply, 1), renderMsP50: at(render, 0.5), renderMsMax: at(render, 1),
          drawnSamples: drawn.length, drawnMsP50: at(drawn, 0.5), drawnMsMax: at(drawn, 1),
          frameMsP50: q(0.5), frameMsP99: q(0.99), frameMsMax: Math.round(frames[frames.length - 1]),
          framesOver50ms: frames.filter((f) => f > 50).length });
      }
      """;

  private WebUiBench() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args.length > 0 ? args[0] : "config/campus.yaml");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path screenshot = args.length > 2 ? Path.of(args[2]) : null;
    try (CampusGateway gateway = CampusGateway.start(config);
        Chromium chromium = Chromium.launch()) {
      fillValues(gateway.twins());
      Page page = chromium.newPage(1280, 720);
      page.setDefaultTimeout(600_000);
      page.onPageError(e -> System.out.println("page error: " + e));
      page.navigate(gateway.httpUrl() + "/");
      page.fill("#login-user", "operator");
      page.fill("#login-password", "operator");
      page.click("#login-submit");
      page.waitForFunction("window.greentwin && window.greentwin.ready");
      List<Long> firstRenderMs = new ArrayList<>();
      List<Object> timings = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        page.reload(); // the token stays in sessionStorage: no sign-in in the measured runs
        page.waitForFunction("window.greentwin && window.greentwin.ready");
        firstRenderMs.add(((Number) page.evaluate("greentwin.firstRenderMs")).longValue());
        timings.add(page.evaluate("JSON.stringify(greentwin.timing)"));
      }
      // One live change, so that the view shows itself live in the screenshot.
      fillValues(gateway.twins(), "site");
      page.waitForSelector("#live[data-state='live']");
      page.waitForTimeout(1000);
      Object stats = page.evaluate("JSON.stringify(greentwin.stats)");
      @SuppressWarnings("unchecked")
      Map<String, Object> counts =
          (Map<String, Object>) page.evaluate("greentwin.instanceCounts()");
      Collections.sort(firstRenderMs);
      System.out.printf(
          "campus %s: %d twins, %s servers%n",
          config, gateway.twins().all().size(), counts.get("server"));
      System.out.printf(
          "first render ms (navigation to first full frame), %d runs: median %d, all %s%n",
          runs, firstRenderMs.get(runs / 2), firstRenderMs);
      System.out.printf("first render parts (ms since navigation start; per run): %s%n", timings);
      System.out.printf("frame: %s%ninstances: %s%n", stats, counts);
      System.out.printf(
          "frame cost (default view, 10 frames each until drawn): %s%n",
          page.evaluate("async () => JSON.stringify(await greentwin.frameCost(10))"));
      System.out.printf(
          "10,000 changes/s for 10 s, frame intervals: %s%n", page.evaluate(UPDATE_RATE_SCRIPT, 0));
      System.out.printf(
          "10,000 changes/s for 10 s, every 5th frame waited for until drawn: %s%n",
          page.evaluate(UPDATE_RATE_SCRIPT, 5));
      if (screenshot != null) {
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot));
        System.out.printf("screenshot: %s (%d bytes)%n", screenshot, Files.size(screenshot));
      }
    }
  }

  /**
   * Plausible values for every server, rack, loop and PV array, varying smoothly across the campus
   * (not physics: the simulator and the sync job provide that; these only make the view readable).
   */
  static void fillValues(TwinService twins) {
    fillValues(twins, null);
  }

  /** As {@link #fillValues(TwinService)}, for the twins of one kind only when it is not null. */
  static void fillValues(TwinService twins, String onlyKind) {
    for (Thing t : twins.all()) {
      String kind =
          t.getAttributes().flatMap(a -> a.getValue("kind")).map(v -> v.asString()).orElse("");
      if (onlyKind != null && !onlyKind.equals(kind)) {
        continue;
      }
      double x =
          t.getAttributes()
              .flatMap(a -> a.getValue("position/xM"))
              .map(v -> v.asDouble())
              .orElse(0.0);
      double y =
          t.getAttributes()
              .flatMap(a -> a.getValue("position/yM"))
              .map(v -> v.asDouble())
              .orElse(0.0);
      double wave = 0.5 + 0.45 * Math.sin(x / 9.0) * Math.cos(y / 13.0);
      JsonObject features =
          switch (kind) {
            case "server" ->
                features(
                    "compute",
                    "utilisationPct",
                    100 * wave,
                    "power",
                    "powerW",
                    190 + 460 * wave,
                    "thermal",
                    "inletTempC",
                    20 + 14 * wave);
            case "rack" ->
                features(
                    "power",
                    "powerKw",
                    2 + 25 * wave,
                    "thermal",
                    "inletTempC",
                    21 + 12 * wave,
                    "coolant",
                    "supplyTempC",
                    45.0,
                    "coolant",
                    "returnTempC",
                    45 + 10 * wave);
            case "water_loop" ->
                features("temperatures", "supplyTempC", 45.0, "temperatures", "returnTempC", 55.0);
            case "pv_array" -> features("dc", "powerKw", 600 + 3000 * wave);
            case "site" -> kpis(wave);
            default -> null;
          };
      if (features != null) {
        twins
            .write(
                TwinWrite.merge(
                    t.getEntityId().orElseThrow(),
                    JsonPointer.of("/features"),
                    features,
                    "greentwin:bench"))
            .join();
      }
    }
  }

  /** Campus KPIs of the size the demo campus has, for the header (the KPI job computes them). */
  private static JsonObject kpis(double wave) {
    return features(
        "kpi",
        "itPowerKw",
        5200 + 100 * wave + System.currentTimeMillis() % 100,
        "kpi",
        "facilityPowerKw",
        5900.0,
        "kpi",
        "pue",
        1.13,
        "kpi",
        "ere",
        0.92,
        "kpi",
        "erf",
        0.19,
        "kpi",
        "cue",
        0.72,
        "kpi",
        "ref",
        0.31,
        "kpi",
        "heatExportedKw",
        1100.0,
        "kpi",
        "pvPowerKw",
        2400.0,
        "kpi",
        "gridImportKw",
        3500.0);
  }

  private static JsonObject features(Object... featurePropertyValue) {
    JsonObject result = JsonFactory.newObject();
    for (int i = 0; i + 2 < featurePropertyValue.length + 1; i += 3) {
      JsonPointer path =
          JsonPointer.of(featurePropertyValue[i] + "/properties/" + featurePropertyValue[i + 1]);
      result = result.setValue(path, ((Number) featurePropertyValue[i + 2]).doubleValue());
    }
    return result;
  }
}
