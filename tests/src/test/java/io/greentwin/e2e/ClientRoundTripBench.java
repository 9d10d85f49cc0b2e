package io.greentwin.e2e;

import io.greentwin.testsupport.ChildGateway;
import io.greentwin.testsupport.DittoClientFactory;
import io.greentwin.testsupport.GcPauses;
import io.greentwin.testsupport.TwinGateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.twin.TwinThingHandle;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * "Ditto-client modify round trip at a paced rate": the official Ditto Java client sends {@code
 * putProperty} modifies to the real gateway's {@code /ws/2} at a fixed rate; each latency runs from
 * the modify's scheduled send time to its response, so a stall counts for every modify it delays
 * (no coordinated omission). A benchmark to run by hand, not a test.
 *
 * <p>The gateway runs in a JVM of its own, as it does for any real client ({@link ChildGateway}:
 * this class path, {@code -Dgreentwin.bench.store} passed on, JVM options from {@code
 * -Dgreentwin.bench.gatewayJvm}, default {@code -Xmx1g}); {@code
 * -Dgreentwin.bench.gateway=same-jvm} runs it in this JVM as before. Each run also prints the
 * collections of each JVM during it.
 *
 * <p>Usage: {@code ClientRoundTripBench [ratePerSecond=1000] [seconds=20] [warmupSeconds=10]}
 */
public final class ClientRoundTripBench {
  private static final JsonPointer SUPPLY = JsonPointer.of("supplyTempC");

  private ClientRoundTripBench() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    try (Target gateway = Target.start()) {
      DittoClient client = DittoClientFactory.connect(gateway.endpoint());
      try {
        ThingId id = ThingId.of("org.greentwin.bench", "rack-1");
        client
            .twin()
            .create(
                ThingsModelFactory.newThing(
                    JsonObject.of(
                        "{\"thingId\":\""
                            + id
                            + "\",\"features\":{\"coolant\":{\"properties\":"
                            + "{\"supplyTempC\":20.0}}}}")))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        TwinThingHandle thing = client.twin().forId(id);
        run(thing, gateway, rate, warmup, "warm-up");
        run(thing, gateway, rate, seconds, "measured");
      } finally {
        client.destroy();
      }
    }
    System.exit(0);
  }

  /** The gateway under test: in a JVM of its own (the default), or in this one. */
  private record Target(String endpoint, AutoCloseable gateway, Supplier<GcPauses> gcPauses)
      implements AutoCloseable {
    static Target start() throws Exception {
      if ("same-jvm".equals(System.getProperty("greentwin.bench.gateway"))) {
        TwinGateway g = TwinGateway.start();
        return new Target(g.endpoint(), g, GcPauses::now); // one JVM: the same totals
      }
      List<String> options =
          new ArrayList<>(
              List.of(System.getProperty("greentwin.bench.gatewayJvm", "-Xmx1g").split(" ")));
      String store = System.getProperty("greentwin.bench.store");
      if (store != null) {
        options.add("-Dgreentwin.bench.store=" + store);
      }
      ChildGateway g = ChildGateway.start(options);
      return new Target(g.endpoint(), g, g::gcPauses);
    }

    @Override
    public void close() throws Exception {
      gateway.close();
    }
  }

  private static void run(
      TwinThingHandle thing, Target gateway, int rate, int seconds, String label)
      throws InterruptedException {
    GcPauses clientGc = GcPauses.now();
    GcPauses gatewayGc = gateway.gcPauses().get();
    int n = rate * seconds;
    long[] latencyNanos = new long[n];
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    for (int i = 0; i < n; i++) {
      long scheduled = start + i * intervalNanos;
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      thing
          .forFeature("coolant")
          .putProperty(SUPPLY, 20.0 + (i % 100) / 10.0)
          .whenComplete(
              (v, t) -> {
                latencyNanos[slot] = System.nanoTime() - scheduled;
                if (t != null) {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    long sendEnd = System.nanoTime();
    if (!done.await(60, TimeUnit.SECONDS)) {
      System.out.printf("%s: %d modifies still unanswered after 60 s%n", label, done.getCount());
      return;
    }
    GcPauses clientGcRun = GcPauses.now().since(clientGc);
    GcPauses gatewayGcRun = gateway.gcPauses().get().since(gatewayGc);
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: %d modifies at %d/s over %.1f s (sent at %.0f/s), errors %d | round trip ms: "
            + "p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f | GC: client %s, gateway %s%n",
        label,
        n,
        rate,
        (sendEnd - start) / 1e9,
        n / ((sendEnd - start) / 1e9),
        errors.get(),
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        ms(sorted, 0.999),
        sorted[n - 1] / 1e6,
        clientGcRun,
        gatewayGcRun);
  }

  private static double ms(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
