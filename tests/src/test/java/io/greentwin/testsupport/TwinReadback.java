package io.greentwin.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.campus.Campus;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What end-to-end tests of the stream jobs compare: twins read back over the gateway's HTTP API,
 * and the values the simulator produced for the same run outside Flink.
 */
public final class TwinReadback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String httpUrl;
  private final String authorization;

  public TwinReadback(String httpUrl, String user, String password) {
    this.httpUrl = httpUrl;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The thing's id, features and revision as the gateway serves them (HTTP 200 expected). */
  public JsonNode get(String thingId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    httpUrl + "/api/2/things/" + thingId + "?fields=thingId,features,_revision"))
            .header("Authorization", authorization)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(thingId + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Every numeric property of a twin: {@code feature/property} → value. */
  public static Map<String, Double> numericProperties(JsonNode thing) {
    Map<String, Double> out = new TreeMap<>();
    JsonNode features = thing.get("features");
    if (features == null) {
      return out;
    }
    features
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode props = f.getValue().get("properties");
              if (props != null) {
                props
                    .fields()
                    .forEachRemaining(
                        p -> {
                          if (p.getValue().isNumber()) {
                            out.put(f.getKey() + "/" + p.getKey(), p.getValue().asDouble());
                          }
                        });
              }
            });
    return out;
  }

  /** The newest value of every sensor, from the same simulation run outside Flink. */
  public static Map<String, Map<String, Double>> lastSimulatedValues(
      SimulatorSpec spec, Campus campus) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    spec.simulator(campus).runAll(new JsonLinesSink(bytes));
    ReadingJson parser = new ReadingJson();
    Map<String, Map<String, Double>> last = new HashMap<>();
    bytes
        .toString(StandardCharsets.UTF_8)
        .lines()
        .forEach(
            line -> {
              Reading r = parser.parse(line);
              last.computeIfAbsent(r.thingId(), k -> new TreeMap<>())
                  .put(r.feature() + "/" + r.property(), r.value());
            });
    return last;
  }
}
