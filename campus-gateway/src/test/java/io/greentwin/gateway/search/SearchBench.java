package io.greentwin.gateway.search;

import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.history.HistoryApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Benchmarks of the query APIs, run against the real gateway over HTTP on loopback (client and
 * server in one JVM), twins in memory. Prints p50/p99; asserts nothing.
 *
 * <ul>
 *   <li>search: {@code GET /api/2/search/things} over 10,000 twins with a three-clause filter
 *       (default page of 25, sorted by thing id), sequential requests;
 *   <li>snapshot: {@code GET /api/2/snapshot?at=T} over 5,000 twins with 10 events each, T halfway
 *       through their history.
 * </ul>
 *
 * <p>Run (docs/BENCHMARKS.md): {@code ./mvnw -q -o -pl campus-gateway test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test}, then
 * {@code java -cp campus-gateway/target/test-classes:campus-gateway/target/classes:$(cat
 * campus-gateway/target/bench.cp) io.greentwin.gateway.search.SearchBench [searchTwins=10000]
 * [snapshotTwins=5000] [requests=2000]} (0 twins skips that part).
 */
public final class SearchBench {
  static final String FILTER =
      "and(eq(attributes/building,\"B2\"),gt(features/power/properties/kw,12.5),"
          + "in(features/status/properties/state,\"warn\",\"fault\"))";
  private static final String[] STATES = {"ok", "ok", "ok", "warn", "fault"};

  public static void main(String[] args) {
    int searchTwins = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int snapshotTwins = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    if (searchTwins > 0) {
      search(searchTwins, requests);
    }
    if (snapshotTwins > 0) {
      snapshot(snapshotTwins, 30);
    }
  }

  static void search(int twins, int requests) {
    try (TestGateway g = TestGateway.start(SearchBench::apis)) {
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < twins; i++) {
        g.put(id(i), rack(i, random));
      }
      long matches =
          Long.parseLong(g.get("/api/2/search/things/count", "filter", FILTER).bodyAsString());
      Supplier<HttpResponse<Buffer>> call = () -> g.get("/api/2/search/things", "filter", FILTER);
      measure(call, requests / 4);
      double[] ms = measure(call, requests);
      print(
          "search (%,d twins, three-clause filter, %,d matches, page of 25) over HTTP"
              .formatted(twins, matches),
          ms);
      ThingSearch engine = new ThingSearch(new ThingJsonCache());
      Supplier<Object> direct = () -> engine.search(g.twins.all(), FILTER, null, null, null);
      measure(direct, requests / 4);
      print("search (same, in-process engine only)", measure(direct, requests));
    }
  }

  static void snapshot(int twins, int runs) {
    try (TestGateway g = TestGateway.start(SearchBench::apis)) {
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < twins; i++) {
        g.put(id(i), rack(i, random));
      }
      Instant at = null;
      for (int round = 1; round < 10; round++) {
        g.clock.advanceSeconds(60);
        if (round == 5) {
          at = g.clock.instant();
        }
        for (int i = 0; i < twins; i++) {
          g.set(id(i), "/features/power/properties/kw", Double.toString(random.nextDouble(20)));
        }
      }
      String atIso = at.toString();
      Supplier<HttpResponse<Buffer>> call = () -> g.get("/api/2/snapshot", "at", atIso);
      int bytes = call.get().body().length();
      measure(call, 3);
      print(
          "snapshot at T (%,d twins, 10 events each, %,d bytes of JSON) over HTTP"
              .formatted(twins, bytes),
          measure(call, runs));
    }
  }

  private static List<HttpApi> apis(TestGateway g) {
    return List.of(new SearchApi(g.twins, new ThingJsonCache()), new HistoryApi(g.twins, g.clock));
  }

  static String id(int i) {
    return "campus.dc1:rack-%05d".formatted(i);
  }

  static String rack(int i, SplittableRandom r) {
    return """
        {"definition":"brick:ICT_Rack:1.4","attributes":{"building":"B%d","hall":"H%d","row":%d,
         "name":"rack %d","vendor":"%s"},
         "features":{"power":{"properties":{"kw":%.2f,"limitKw":20}},
          "coolant":{"properties":{"supplyTempC":%.1f,"returnTempC":%.1f}},
          "status":{"properties":{"state":"%s"}}}}"""
        .formatted(
            1 + i % 4,
            1 + i % 8,
            1 + i % 40,
            i,
            i % 3 == 0 ? "acme" : "globex",
            r.nextDouble(20),
            18 + r.nextDouble(6),
            28 + r.nextDouble(8),
            STATES[r.nextInt(STATES.length)]);
  }

  static double[] measure(Supplier<?> call, int n) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Object r = call.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (r instanceof HttpResponse<?> h && h.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + h.statusCode() + ": " + h.bodyAsString());
      }
    }
    return ms;
  }

  static void print(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d runs)%n",
        what,
        s[(int) Math.floor(0.50 * (s.length - 1))],
        s[(int) Math.ceil(0.99 * (s.length - 1))],
        s[s.length - 1],
        s.length);
  }
}
