package io.greentwin.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real standalone Flink session cluster on loopback: a JobManager and a TaskManager, each a
 * separate JVM started from Flink's own entry-point classes ({@code
 * StandaloneSessionClusterEntrypoint}, {@code TaskManagerRunner}) in the Maven Central jars, as
 * Flink's {@code start-cluster.sh} starts them. Their class path holds Flink and its dependencies
 * only: none of GreenTwin's classes nor the Ditto client, so a job runs only from the job jar it is
 * submitted with.
 */
public final class FlinkSessionCluster implements AutoCloseable {
  private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\":(\\d+)");

  /** Jars of the test class path that belong to the job, not to the cluster. */
  private static final List<String> NOT_CLUSTER =
      List.of(
          "/target/",
          "/io/greentwin/",
          "/org/eclipse/ditto/",
          "/com/hivemq/",
          "/com/h2database/",
          "/org/postgresql/",
          "/io/vertx/",
          "/org/testcontainers/",
          "/org/junit/",
          "/org/assertj/",
          "-tests.jar");

  private final Path dir;
  private final int restPort;
  private final String classPath;
  private final Process jobManager;
  private Process taskManager;

  private FlinkSessionCluster(Path dir, int restPort, String classPath) throws IOException {
    this.dir = dir;
    this.restPort = restPort;
    this.classPath = classPath;
    this.jobManager =
        start(
            "jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
  }

  /** Starts a cluster in {@code dir} and waits until its TaskManager has registered. */
  public static FlinkSessionCluster start(Path dir) throws Exception {
    int rest = freePort();
    Files.writeString(dir.resolve("config.yaml"), config(rest, freePort()));
    Files.writeString(dir.resolve("logback.xml"), LOGBACK);
    FlinkSessionCluster c = new FlinkSessionCluster(dir, rest, clusterClassPath());
    try {
      c.startTaskManager();
      return c;
    } catch (Exception e) {
      c.close();
      throw e;
    }
  }

  /** The REST address clients submit jobs to, e.g. {@code http://127.0.0.1:41234}. */
  public String restUrl() {
    return "http://127.0.0.1:" + restPort;
  }

  public int restPort() {
    return restPort;
  }

  /** Starts a TaskManager (again) and waits until it is registered. */
  public void startTaskManager() throws Exception {
    taskManager = start("taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    awaitTaskManagers(1, Duration.ofSeconds(90));
  }

  /** Kills the TaskManager's JVM as {@code kill -9} would: no clean shutdown. */
  public void killTaskManager() throws InterruptedException {
    taskManager.destroyForcibly();
    taskManager.waitFor(30, TimeUnit.SECONDS);
  }

  /** GET on the cluster's REST API, e.g. {@code /jobs/overview}. */
  public String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private void awaitTaskManagers(int n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      if (!jobManager.isAlive()) {
        throw new IllegalStateException(
            "the JobManager exited: see " + dir.resolve("jobmanager.log"));
      }
      try {
        last = get("/overview");
        Matcher m = TASK_MANAGERS.matcher(last);
        if (m.find() && Integer.parseInt(m.group(1)) >= n) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "no TaskManager registered within " + timeout + " (last: " + last + "); logs in " + dir);
  }

  private Process start(String role, String mainClass) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx384m", "-XX:MaxDirectMemorySize=256m"));
    cmd.add("-Dlogback.configurationFile=" + dir.resolve("logback.xml"));
    cmd.addAll(Arrays.asList(FLINK_JVM_FLAGS.split(" ")));
    cmd.addAll(List.of("-cp", classPath, mainClass, "--configDir", dir.toString()));
    File log = dir.resolve(role + ".log").toFile();
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .start();
  }

  @Override
  public void close() {
    for (Process p : new Process[] {taskManager, jobManager}) {
      if (p != null) {
        p.destroyForcibly();
        try {
          p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static String clusterClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> p.endsWith(".jar"))
        .filter(p -> NOT_CLUSTER.stream().noneMatch(p.replace('\\', '/')::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * The cluster's {@code config.yaml}. A TaskManager started without Flink's scripts needs its
   * memory and CPU spelled out (the scripts compute them with {@code BashJavaUtils}).
   */
  private static String config(int restPort, int rpcPort) {
    return String.join(
        "\n",
        "jobmanager:",
        "  rpc: {address: 127.0.0.1, port: " + rpcPort + "}",
        "  bind-host: 127.0.0.1",
        "  memory: {process: {size: 640m}}",
        "taskmanager:",
        "  bind-host: 127.0.0.1",
        "  host: 127.0.0.1",
        "  numberOfTaskSlots: 2",
        "  cpu: {cores: 2}",
        "  memory:",
        "    framework: {heap: {size: 64m}, off-heap: {size: 128m}}",
        "    task: {heap: {size: 256m}, off-heap: {size: 0m}}",
        "    managed: {size: 32m}",
        "    network: {min: 64m, max: 64m}",
        "    jvm-metaspace: {size: 256m}",
        "    jvm-overhead: {min: 192m, max: 192m}",
        "rest: {address: 127.0.0.1, bind-address: 127.0.0.1, port: " + restPort + "}",
        "heartbeat: {interval: 1000, timeout: 5000}",
        "restart-strategy: {type: fixed-delay, fixed-delay: {attempts: 20, delay: 1 s}}",
        "");
  }

  private static final String LOGBACK =
      "<configuration><appender name='F' class='ch.qos.logback.core.ConsoleAppender'>"
          + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>"
          + "</appender><root level='INFO'><appender-ref ref='F'/></root></configuration>";

  /** Flink's own {@code env.java.opts.all} (see ../shared/PLATFORM-NOTES.md). */
  private static final String FLINK_JVM_FLAGS =
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED"
          + " --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"
          + " --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
          + " --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED"
          + " --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
          + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
          + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
          + " --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED"
          + " --add-opens=java.base/java.util=ALL-UNNAMED"
          + " --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
          + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED"
          + " --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED";
}
