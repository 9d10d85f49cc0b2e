package io.greentwin.sim;

/**
 * The malformed messages the simulator injects, one kind after another: each is something a real
 * sensor bus delivers and ingest must dead-letter with a reason rather than fail on.
 */
final class MalformedMessages {
  private MalformedMessages() {}

  private static final String[] KINDS = {
    "not-json",
    "truncated",
    "missing-field",
    "value-not-number",
    "unknown-thing",
    "unit-mismatch",
    "impossible-value",
    "not-an-object"
  };

  /** The n-th malformed message; {@code thingId} (may be null) is the thing it pretends to be. */
  static String example(long n, String thingId) {
    String thing = thingId == null ? "greentwin.xianghe:b1-h1-r01-k01" : thingId;
    String time = "2026-01-01T00:00:00.000Z";
    return switch (KINDS[(int) (n % KINDS.length)]) {
      case "not-json" -> "garbage " + n + " <<>>";
      case "truncated" -> "{\"thingId\":\"" + thing + "\",\"feature\":\"power\",\"prop";
      case "missing-field" ->
          "{\"thingId\":\""
              + thing
              + "\",\"feature\":\"power\",\"value\":1.0,\"unit\":\"kW\","
              + "\"eventTime\":\""
              + time
              + "\",\"seq\":"
              + n
              + "}";
      case "value-not-number" -> reading(thing, "power", "powerKw", "\"high\"", "kW", time, n);
      case "unknown-thing" ->
          reading("greentwin.xianghe:no-such-thing", "power", "powerKw", "1.5", "kW", time, n);
      case "unit-mismatch" -> reading(thing, "power", "powerKw", "1500", "W", time, n);
      case "impossible-value" -> reading(thing, "coolant", "supplyTempC", "-400", "Cel", time, n);
      default -> "[1,2,3]";
    };
  }

  private static String reading(
      String thing,
      String feature,
      String property,
      String value,
      String unit,
      String time,
      long seq) {
    return "{\"thingId\":\""
        + thing
        + "\",\"feature\":\""
        + feature
        + "\",\"property\":\""
        + property
        + "\",\"value\":"
        + value
        + ",\"unit\":\""
        + unit
        + "\",\"eventTime\":\""
        + time
        + "\",\"seq\":"
        + seq
        + "}";
  }
}
