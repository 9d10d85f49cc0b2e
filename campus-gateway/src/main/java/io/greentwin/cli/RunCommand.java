package io.greentwin.cli;

import io.greentwin.auth.Credentials;
import io.greentwin.auth.GatewayAuth;
import io.greentwin.auth.PolicyJournal;
import io.greentwin.auth.PolicyStore;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.store.JournalTwinService;
import io.greentwin.store.TimeSeriesStore;
import io.greentwin.store.TwinDatabase;
import io.greentwin.twin.CampusSync;
import io.greentwin.twin.TwinService;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin run}: the campus twin service on one JVM — the durable store, the campus's twins
 * created or updated from the config, the policies (durable in the same database), and the
 * Ditto-compatible gateway — until stopped.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the campus twin service: store, twins from the campus config, gateway.")
final class RunCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "config/campus.yaml",
      description = "Campus config (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "HTTP port of the gateway; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "Directory of the H2 twin store (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--database-url",
      description =
          "JDBC URL of a PostgreSQL twin store instead of"
              + " H2, e.g. jdbc:postgresql://127.0.0.1:5432/greentwin?user=postgres.")
  String databaseUrl;

  @Option(
      names = "--gateway-config",
      description =
          "Gateway users and token settings (default: config/gateway.yaml when present). Without"
              + " users, only loopback binds are allowed, with the demo users admin/admin,"
              + " operator/operator, planner/planner and ops/ops.")
  Path gatewayConfig;

  @Option(
      names = "--jobs",
      defaultValue = "embedded",
      description =
          "embedded: run the campus stream job (simulated sensors → twins) on a Flink mini-cluster"
              + " in this JVM; none: only the twin service (default: ${DEFAULT-VALUE}).")
  EmbeddedJobs.Mode jobs;

  @Mixin JobOptions job;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    // Checked first: a gateway that would refuse to start must not touch the store.
    Credentials credentials = Credentials.forBind(host, gatewayConfigFile());
    EmbeddedJobs embedded = new EmbeddedJobs(jobs, job, config, context.clock());
    embedded.checkCredentials(credentials.isDemo());
    Campus campus = new CampusLoader().loadCampus(config);
    TwinDatabase db =
        databaseUrl == null
            ? TwinDatabase.h2(Files.createDirectories(dataDir))
            : TwinDatabase.of(databaseUrl, null, null);
    TwinService twins = JournalTwinService.open(db, context.clock(), 100);
    // the stream jobs' time series: beside the twins (H2 file, or the same PostgreSQL database)
    TimeSeriesConfig timeSeriesConfig =
        databaseUrl == null ? TimeSeriesConfig.h2(dataDir) : TimeSeriesConfig.of(databaseUrl);
    TimeSeriesStore timeSeries = TimeSeriesStore.open(timeSeriesConfig);
    CampusSync.Result sync = CampusSync.sync(twins, campus);
    Vertx vertx = Vertx.vertx();
    GatewayAuth auth =
        GatewayAuth.create(
            vertx,
            credentials,
            twins,
            PolicyStore.durable(
                context.clock(), new PolicyJournal(db.dataSource()), List.of(campus.namespace())),
            context.clock(),
            System::getenv);
    GatewayConfig gatewayConfig =
        new GatewayConfig(host, port, GatewayConfig.DEFAULT_MAX_BODY_BYTES);
    GatewayVerticle gateway =
        new GatewayVerticle(
            gatewayConfig,
            GatewayApis.secured(
                twins,
                auth,
                campus.namespace(),
                gatewayConfig,
                context.clock(),
                timeSeries.reader()));
    vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().join();
    String jobsLine =
        embedded.start(
            campus,
            "ws://" + loopbackFor(host) + ":" + gateway.actualPort(),
            databaseUrl == null ? dataDir : null,
            timeSeriesConfig);
    var out = spec.commandLine().getOut();
    out.printf("GreenTwin campus twin service is running%n");
    out.printf(
        "  twins:    %d (%d created, %d updated, %d unchanged) in %s%n",
        twins.all().size(),
        sync.created(),
        sync.updated(),
        sync.unchanged(),
        databaseUrl == null ? dataDir.toAbsolutePath() : "PostgreSQL");
    out.printf("  API:      http://%s:%d/api/2/things%n", host, gateway.actualPort());
    out.printf(
        "  users:    %s%n",
        credentials.isDemo()
            ? "demo (admin/admin, operator/operator, planner/planner, ops/ops; loopback only)"
            : credentials.users().size() + " from " + gatewayConfigFile());
    out.printf("  jobs:     %s%n", jobsLine);
    out.printf("  Press Ctrl+C to stop.%n");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  embedded.stop();
                  vertx.close().toCompletionStage().toCompletableFuture().join();
                  twins.close();
                  timeSeries.close();
                  stopped.countDown();
                },
                "greentwin-shutdown"));
    stopped.await();
    return 0;
  }

  /** The address the embedded job reaches the gateway at: loopback when bound to every address. */
  private static String loopbackFor(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }

  /** The gateway config: the one given, else config/gateway.yaml when it exists, else none. */
  private Path gatewayConfigFile() {
    if (gatewayConfig != null) {
      return gatewayConfig;
    }
    Path standard = Path.of("config", "gateway.yaml");
    return Files.isRegularFile(standard) ? standard : null;
  }
}
