package io.greentwin.cli;

import io.greentwin.campus.Asset;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.campus.PointSpec;
import io.greentwin.jobs.twin.ObservedAt;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's cost of one coalesced Ditto merge, the unit of work of the twin sink (issue 4): the
 * gateway as {@code greentwin run} composes it ({@link IngestStack}: durable H2 twin store, the
 * campus's twins, policies, the demo users), one WebSocket on {@code /ws/2} as the sink's Ditto
 * client opens it, and for every twin in turn the message {@code DittoChannel} sends for a merge of
 * all its sensor points: {@code merge} at {@code /} with the {@code observedAt} condition, {@code
 * twin-persisted} requested. At most {@code window} merges are unacknowledged.
 *
 * <p>Prints merges/s and, what to compare across runs on a shared machine, CPU µs per merge: the
 * process, the gateway's event loop, the store's writer and committer, and the bench's client.
 *
 * <p>{@code java -cp … io.greentwin.cli.MergePathBench [config/campus.yaml] [seconds] [warm-up s]
 * [window] [merges/s offered, 0: as many as acknowledged]}; {@code -Dmerge.bench.jfr=FILE} records
 * a JFR profile of the measured window.
 */
public final class MergePathBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MergePathBench() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args.length > 0 ? args[0] : "config/campus.yaml");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
    double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 15;
    int window = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
    Campus campus = new CampusLoader().loadCampus(config);
    Path dir = Files.createTempDirectory("merge-path-bench");
    try (IngestStack stack = new IngestStack(campus, dir, Clock.systemUTC())) {
      Set<Long> gatewayLoops = threadIds("vert.x-eventloop-thread-");
      Vertx clientVertx = Vertx.vertx();
      try {
        run(stack, campus, gatewayLoops, clientVertx, new Load(seconds, warmup, window, rate));
      } finally {
        clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** How long to warm up and measure, how many merges may be unacknowledged, merges/s (0: all). */
  private record Load(double seconds, double warmup, int window, double rate) {}

  private static void run(
      IngestStack stack, Campus campus, Set<Long> gatewayLoops, Vertx clientVertx, Load load)
      throws Exception {
    double seconds = load.seconds();
    double warmup = load.warmup();
    int window = load.window();
    List<Twin> twins = twins(campus);
    URI uri = URI.create(stack.endpoint);
    WebSocketClient client =
        clientVertx.createWebSocketClient(
            new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    WebSocket socket =
        client
            .connect(
                new WebSocketConnectOptions()
                    .setHost(uri.getHost())
                    .setPort(uri.getPort())
                    .setURI("/ws/2")
                    .addHeader(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes())))
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    Set<Long> clientLoops = threadIds("vert.x-eventloop-thread-");
    clientLoops.removeAll(gatewayLoops);
    Semaphore inFlight = new Semaphore(window);
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    socket.textMessageHandler(
        m -> {
          if (m.contains("\"status\":204")) {
            acked.incrementAndGet();
          } else if (failed.incrementAndGet() < 5) {
            System.err.println("not acknowledged: " + m);
          }
          inFlight.release();
        });
    Thread sender =
        new Thread(
            () -> {
              long second = 1_780_000_000_000L;
              long start = System.nanoTime();
              long sent = 0;
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  second += 1000;
                  for (Twin t : twins) {
                    if (load.rate() > 0) {
                      long due = start + (long) (sent++ * 1e9 / load.rate());
                      LockSupport.parkNanos(due - System.nanoTime());
                    }
                    inFlight.acquire();
                    String text = t.merge(second);
                    clientVertx.runOnContext(v -> socket.writeTextMessage(text));
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "merge-bench-sender");
    sender.setDaemon(true);
    sender.start();
    Thread.sleep((long) (warmup * 1000));
    String jfr = System.getProperty("merge.bench.jfr");
    jdk.jfr.Recording recording = null;
    if (jfr != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
    }
    Map<String, Long> cpu0 = cpu(gatewayLoops, clientLoops, sender);
    long a0 = acked.get();
    long t0 = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    long a1 = acked.get();
    long t1 = System.nanoTime();
    Map<String, Long> cpu1 = cpu(gatewayLoops, clientLoops, sender);
    sender.interrupt();
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfr));
    }
    long merges = a1 - a0;
    double wall = (t1 - t0) / 1e9;
    StringBuilder s =
        new StringBuilder(
            String.format(
                "merge path: %d twins, %.0f merges/s (%d in %.1f s after %.0f s warm-up, window"
                    + " %d, offered %s, %d not acknowledged); CPU µs per merge:",
                twins.size(),
                merges / wall,
                merges,
                wall,
                warmup,
                window,
                load.rate() > 0 ? String.format("%.0f/s", load.rate()) : "as acknowledged",
                failed.get()));
    cpu1.forEach(
        (name, nanos) ->
            s.append(
                String.format(
                    " %s %.1f,", name, (nanos - cpu0.get(name)) / 1e3 / Math.max(1, merges))));
    long gateway =
        List.of("event-loop", "writer", "committer").stream()
            .mapToLong(n -> cpu1.get(n) - cpu0.get(n))
            .sum();
    s.append(String.format(" gateway threads %.1f", gateway / 1e3 / Math.max(1, merges)));
    s.append(String.format(" (load average %s)", loadAverage()));
    System.out.println(s);
  }

  /** A twin of the campus and its sensor points by feature, in the order the sink sorts them. */
  private record Twin(String namespace, String name, Map<String, List<String>> points) {
    String merge(long second) {
      StringBuilder value = new StringBuilder(256).append("{\"features\":{");
      Map<String, Long> oldest = new LinkedHashMap<>();
      String time = ObservedAt.format(second);
      boolean firstFeature = true;
      int i = 0;
      for (Map.Entry<String, List<String>> f : points.entrySet()) {
        value.append(firstFeature ? "" : ",").append('"').append(f.getKey());
        value.append("\":{\"properties\":{");
        for (String p : f.getValue()) {
          double v = Math.round(((second / 1000 + i++) % 97) * 10 + 200) / 10.0;
          value.append('"').append(p).append("\":").append(v).append(',');
        }
        value.append("\"observedAt\":\"").append(time).append("\"}}");
        oldest.put(f.getKey(), second - 800);
        firstFeature = false;
      }
      value.append("}}");
      return "{\"topic\":\""
          + namespace
          + "/"
          + name
          + "/things/twin/commands/merge\",\"headers\":{\"correlation-id\":\"greentwin-sync-"
          + UUID.randomUUID()
          + "\",\"response-required\":true,\"requested-acks\":[\"twin-persisted\"],"
          + "\"content-type\":\"application/merge-patch+json\",\"condition\":"
          + io.vertx.core.json.Json.encode(ObservedAt.condition(oldest))
          + "},\"path\":\"/\",\"value\":"
          + value
          + "}";
    }
  }

  private static List<Twin> twins(Campus campus) {
    List<Twin> out = new ArrayList<>();
    for (Asset a : campus.assets()) {
      Map<String, List<String>> points = new java.util.TreeMap<>();
      for (PointSpec p : a.kind().points()) {
        points.computeIfAbsent(p.feature(), k -> new ArrayList<>()).add(p.property());
      }
      points.values().forEach(l -> l.sort(null));
      if (!points.isEmpty()) {
        int colon = a.id().indexOf(':');
        out.add(new Twin(a.id().substring(0, colon), a.id().substring(colon + 1), points));
      }
    }
    return out;
  }

  private static Map<String, Long> cpu(Set<Long> gatewayLoops, Set<Long> clientLoops, Thread s) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(
        "process",
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime());
    out.put("event-loop", sum(gatewayLoops));
    out.put("writer", sum(threadIds("greentwin-twin-writer")));
    out.put("committer", sum(threadIds("greentwin-twin-committer")));
    Set<Long> client = new HashSet<>(clientLoops);
    client.add(s.getId());
    out.put("client", sum(client));
    return out;
  }

  private static long sum(Set<Long> ids) {
    long n = 0;
    for (long id : ids) {
      n += Math.max(0, THREADS.getThreadCpuTime(id));
    }
    return n;
  }

  private static Set<Long> threadIds(String prefix) {
    Set<Long> out = new HashSet<>();
    for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith(prefix)) {
        out.add(t.getThreadId());
      }
    }
    return out;
  }

  private static String loadAverage() {
    return String.format(
        "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
