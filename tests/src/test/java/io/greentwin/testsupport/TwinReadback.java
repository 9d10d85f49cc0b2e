package io.greentwin.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twins read back over the gateway's HTTP API, as end-to-end tests of the stream jobs compare them
 * with {@link SimulatedTruth}.
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
}
