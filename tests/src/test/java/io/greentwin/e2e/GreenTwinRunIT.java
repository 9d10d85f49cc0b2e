package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.testsupport.SmallCampus;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greentwin run} as a person starts it ({@code ./greentwin}, a child JVM): the twin service
 * and the embedded campus job together, with no other process, give live twins, the KPIs (in the
 * twins and in the time series) and incidents from an injected fault.
 */
class GreenTwinRunIT {
  private static final Path REPO = Path.of(System.getProperty("greentwin.repo.dir", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern API = Pattern.compile("API:\\s+(http://127\\.0\\.0\\.1:\\d+)/");

  /** A sunny June late morning at Xianghe (UTC+8): the inverters make power. */
  private static final Instant START = Instant.parse("2026-06-21T03:00:00Z");

  private static final String INVERTER = "pv-ground-south-inv05";
  private static final String FAULTS =
      """
      faults:
        - type: pv-inverter-trip
          target: %s
          start: 3m
          duration: 6m
      """
          .formatted(INVERTER);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process run;

  @AfterEach
  void stop() throws Exception {
    if (run != null) {
      run.destroy();
      if (!run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        run.destroyForcibly();
      }
    }
  }

  @Test
  void theDemoShowsLiveTwinsKpisAndIncidentsWithNoOtherProcess() throws Exception {
    Path config = SmallCampus.writeTo(dir);
    Path faults = Files.writeString(dir.resolve("faults.yaml"), FAULTS);
    File log = dir.resolve("run.log").toFile();
    run =
        new ProcessBuilder(
                "bash",
                REPO.resolve("greentwin").toString(),
                "run",
                "--config",
                config.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--http-port",
                "0",
                "--sim-start",
                START.toString(),
                "--sim-duration",
                "15m",
                "--sim-speed",
                "60",
                "--faults",
                faults.toString())
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    String base = await("the banner", () -> banner(log.toPath()), Duration.ofSeconds(120));
    String ns = "greentwin.xianghe";

    // live twins: the inverter's AC power came from the simulated sensors
    JsonNode ac =
        await(
            "the inverter's AC power",
            () ->
                get(base + "/api/2/things/" + ns + ":" + INVERTER + "/features/ac/properties")
                    .filter(p -> p.has("observedAt")),
            Duration.ofSeconds(120));
    assertThat(ac.get("observedAt").asText()).startsWith("2026-06-21T");

    // KPIs in the campus twin, per minute
    JsonNode minute =
        await(
            "the campus's minute KPIs",
            () ->
                get(base + "/api/2/things/" + ns + ":campus/features/kpi/properties/minute")
                    .filter(m -> m.path("pue").isNumber()),
            Duration.ofSeconds(180));
    assertThat(minute.get("pue").asDouble()).isBetween(1.0, 1.5);
    assertThat(minute.get("itPowerKw").asDouble()).isPositive();

    // ... and as a time series, read back through the gateway from the time-series store
    String from = START.toString();
    String to = START.plus(Duration.ofMinutes(20)).toString();
    JsonNode pue =
        await(
            "the campus PUE time series",
            () ->
                get(base
                        + "/api/2/timeseries/"
                        + ns
                        + ":campus/features/kpi/properties/pue_1m?step=1m&agg=avg&from="
                        + enc(from)
                        + "&to="
                        + enc(to))
                    .filter(s -> s.path("points").size() >= 14),
            Duration.ofSeconds(180));
    List<Double> values = new ArrayList<>();
    pue.get("points").forEach(p -> values.add(p.get("value").asDouble()));
    assertThat(values).allSatisfy(v -> assertThat(v).isBetween(1.0, 1.5));
    // interval-ending: the PUE of the first minute is stored at its end
    assertThat(pue.get("points").get(0).get("t").asText())
        .isEqualTo(START.plus(Duration.ofMinutes(1)).toString());

    // the injected inverter trip became an incident twin naming the inverter
    JsonNode incidents =
        await(
            "the inverter-trip incident",
            () ->
                get(base
                        + "/api/2/search/things?filter="
                        + enc("eq(attributes/type,\"pv-inverter-trip\")"))
                    .filter(s -> s.path("items").size() > 0),
            Duration.ofSeconds(180));
    JsonNode incident = incidents.get("items").get(0);
    assertThat(incident.get("thingId").asText()).startsWith(ns + ":incident-pv-inverter-trip-");
    assertThat(incident.at("/attributes/things").toString()).contains(ns + ":" + INVERTER);
    assertThat(incident.at("/attributes/severity").asText()).isNotBlank();
  }

  private static Optional<String> banner(Path log) throws Exception {
    Matcher m = API.matcher(Files.readString(log));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private Optional<JsonNode> get(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Polls {@code probe} until it gives a value, failing with what was awaited after {@code max}.
   */
  private <T> T await(String what, Probe<T> probe, Duration max) throws Exception {
    Instant until = Instant.now().plus(max);
    while (true) {
      if (!run.isAlive()) {
        throw new AssertionError(
            "greentwin run exited (" + run.exitValue() + ") while waiting for " + what);
      }
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("no " + what + " within " + max);
      }
      Thread.sleep(500);
    }
  }

  @FunctionalInterface
  private interface Probe<T> {
    Optional<T> get() throws Exception;
  }
}
