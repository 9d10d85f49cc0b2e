package io.greentwin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.greentwin.auth.MutableClock;
import io.greentwin.testsupport.CampusGateway;
import io.greentwin.testsupport.CampusPage;
import io.greentwin.testsupport.Chromium;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incident replay in a real browser (Debian's Chromium, headless) against the gateway: an incident
 * twin and its racks' rising inlet temperatures are written through the gateway's API at chosen
 * past instants (the twins' clock is the test's) before the page opens; replaying the incident
 * starts the clock at the window's start, playing moves it and recolours the involved racks, which
 * are outlined, and "Back to live" returns to the live view. Leaves a screenshot of replay mode in
 * {@code target/screenshots/replay.png} (the README's is a copy).
 */
class WebUiReplayIT {
  private static final String NS = "greentwin.xianghe";
  private static final String HOT = NS + ":b1-h1-r02-k03";
  private static final String WARM = NS + ":b1-h1-r02-k04";
  private static final String INCIDENT = NS + ":incident-rack-inlet-out-of-range-test-b1-h1";
  private static final String INLET = "/features/thermal/properties/inletTempC";

  /** The window replayed: T0 … T0 + 20 min, two hours ago; the incident from +5 to +15 min. */
  private static final Instant T0 =
      Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

  private static CampusGateway gateway;
  private static Chromium chromium;
  private static Page page;
  private static final List<String> errors = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void writeTheIncidentThenOpenTheCampus() throws Exception {
    chromium = Chromium.launch();
    MutableClock clock = new MutableClock(T0.minus(Duration.ofMinutes(10)));
    gateway = CampusGateway.start(Path.of("src/test/resources/web-ui-campus.yaml"), clock);
    clock.advance(Duration.ofMinutes(5));
    setInlets(22.0);
    for (int minute = 1; minute <= 20; minute++) {
      clock.advance(Duration.ofMinutes(minute == 1 ? 6 : 1)); // T0 + minute
      if (minute <= 14) {
        setInlets(22.0 + 1.4 * minute); // to 41.6 °C, past the A2 class's 35 °C
      } else if (minute == 16) {
        setInlets(23.0);
      }
      if (minute == 5 || minute == 15) {
        assertThat(gateway.put(INCIDENT, "", incident(minute == 15))).isBetween(201, 204);
      }
    }

    clock.advance(Duration.ofMinutes(10)); // later writes (the live checks) fall after the window
    page = CampusPage.open(chromium, gateway, "operator", errors);
  }

  private static void setInlets(double hotC) throws Exception {
    assertThat(gateway.put(HOT, INLET, String.valueOf(hotC))).isBetween(201, 204);
    assertThat(gateway.put(WARM, INLET, String.valueOf(hotC - 1))).isBetween(201, 204);
  }

  /** The incident twin as the incident job writes it (docs/KPIS-AND-INCIDENTS.md). */
  private static String incident(boolean closed) {
    Instant start = T0.plus(Duration.ofMinutes(5));
    Instant end = T0.plus(Duration.ofMinutes(15));
    return """
        {"definition": "greentwin:Incident:1", "attributes": {
          "incidentId": "rack-inlet-out-of-range-test-b1-h1", "type": "rack-inlet-out-of-range",
          "title": "Rack inlet out of range", "severity": "critical", "open": %s,
          "start": "%s", "end": %s, "replayFrom": "%s", "replayTo": %s,
          "mainThing": "%s", "things": ["%s", "%s"], "summary": "inlet above 35 °C"}}
        """
        .formatted(
            !closed,
            start,
            closed ? "\"" + end + "\"" : "null",
            T0,
            closed ? "\"" + T0.plus(Duration.ofMinutes(20)) + "\"" : "null",
            HOT,
            HOT,
            WARM);
  }

  @AfterAll
  static void close() throws Exception {
    CampusPage.close(chromium, gateway);
  }

  @Test
  void replayOfAnIncidentMovesTheClockAndRecoloursItsRacksThenReturnsToLive() throws Exception {
    page.click("#incident-list button[data-thing='" + INCIDENT + "']");
    page.waitForFunction("greentwin.replay().active && greentwin.replay().marked.length > 0");
    assertThat(number("greentwin.replay().clock")).isEqualTo(T0.toEpochMilli());
    String start =
        DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(T0);
    assertThat(page.textContent("#live")).isEqualTo("REPLAY " + start);
    assertThat(replay().get("marked")).isEqualTo(List.of(HOT, WARM));
    assertThat(page.inputValue("#colour-by")).isEqualTo("inlet");
    assertThat(page.locator("#replay-marks .edge").count()).isEqualTo(2);
    List<Double> cool = colour(HOT);
    assertThat(cool.get(2)).as("22 °C is blue").isGreaterThan(cool.get(0));

    page.focus("#replay-step");
    page.keyboard().press("Enter");
    assertThat(number("greentwin.replay().clock"))
        .as("a step goes to the next change")
        .isEqualTo(T0.plus(Duration.ofMinutes(1)).toEpochMilli());

    page.selectOption("#replay-speed", "60");
    page.focus("#replay-play");
    page.keyboard().press("Space");
    page.waitForFunction(
        "greentwin.replay().clock > " + T0.plus(Duration.ofMinutes(13)).toEpochMilli());
    List<Double> hot = colour(HOT);
    assertThat(hot.get(0)).as("over 35 °C is red").isGreaterThan(hot.get(2) + 0.3);
    assertThat(colour(WARM)).isNotEqualTo(cool);
    assertThat(page.textContent("#live")).startsWith("REPLAY ").isNotEqualTo("REPLAY " + start);

    page.click("#replay-play");
    long minute = (number("greentwin.replay().clock") - T0.toEpochMilli()) / 60_000;
    double replayedC = minute <= 14 ? 22.0 + 1.4 * minute : minute < 16 ? 22.0 + 1.4 * 14 : 23.0;
    page.click("#replay-involved button[data-thing='" + HOT + "']");
    page.waitForSelector("#panel-id:has-text('" + HOT + "')");
    assertThat(page.textContent("#panel-props td.v[data-path='thermal/inletTempC']"))
        .as("the panel shows the replayed value")
        .isEqualTo(
            BigDecimal.valueOf(replayedC)
                    .setScale(1, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString()
                + " °C");
    takeScreenshot();

    page.click("#replay-live");
    page.waitForSelector(
        "#replay", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    page.waitForFunction("!greentwin.replay().active && greentwin.replay().marked.length === 0");
    assertThat(gateway.put(HOT, INLET, "24.5")).isEqualTo(204);
    page.waitForSelector("#live[data-state='live']");
    assertThat(errors).isEmpty();
  }

  @Test
  void aFreeTimeWindowReplaysFromItsStartWithNothingHighlighted() {
    // Whole minutes (T0 is one): Chromium shows a datetime-local's ":00" seconds as nothing.
    DateTimeFormatter local =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneId.systemDefault());
    page.fill("#window-from", local.format(T0));
    page.fill("#window-to", local.format(T0.plus(Duration.ofMinutes(20))));
    page.click("#window-form button[type='submit']");
    page.waitForFunction("greentwin.replay().active && greentwin.replay().changes > 0");
    assertThat(number("greentwin.replay().clock")).isEqualTo(T0.toEpochMilli());
    assertThat(replay().get("marked")).isEqualTo(List.of());
    assertThat(number("greentwin.replay().changes"))
        .as("inlets and incident, both racks")
        .isEqualTo(32);

    page.focus("#scene");
    page.keyboard().press("Space");
    page.waitForFunction("greentwin.replay().playing");
    page.click("#replay-live");
    page.waitForFunction("!greentwin.replay().active");
    assertThat(errors).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> replay() {
    return (Map<String, Object>) page.evaluate("greentwin.replay()");
  }

  private static long number(String expression) {
    return ((Number) page.evaluate(expression)).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Double> colour(String id) {
    return ((List<Number>) page.evaluate("id => greentwin.colour(id)", id))
        .stream().map(Number::doubleValue).toList();
  }

  private static void takeScreenshot() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("replay.png")));
  }
}
