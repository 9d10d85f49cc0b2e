package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin jobs}: the campus stream job on a real Flink session cluster. {@code submit}
 * builds the same job that {@code greentwin run} embeds and sends it with the job jar to the
 * cluster's REST endpoint; {@code list} and {@code cancel} use Flink's REST API.
 */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "Runs the campus stream job on a Flink session cluster.",
    subcommands = {JobsCommand.Submit.class, JobsCommand.ListJobs.class, JobsCommand.Cancel.class})
final class JobsCommand {
  private final CliContext context;

  JobsCommand(CliContext context) {
    this.context = context;
  }

  /** {@code greentwin jobs submit --flink URL}. */
  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description = {
        "Submits the campus job (twin sync) to a Flink session cluster; prints the job id.",
        "Example: greentwin jobs submit --flink http://127.0.0.1:8081 --gateway"
            + " ws://127.0.0.1:8080"
      })
  static final class Submit implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand JobsCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin JobOptions job;

    @Option(names = "--flink", required = true, description = "REST URL of the JobManager.")
    URI flink;

    @Option(
        names = "--gateway",
        defaultValue = "ws://127.0.0.1:8080",
        description =
            "Ditto WebSocket endpoint the job writes twins to (default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(
        names = "--config",
        defaultValue = "config/campus.yaml",
        description = "Campus config (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(
        names = "--timeseries",
        description =
            "JDBC URL of the time-series store the job writes roll-ups to (PostgreSQL for a"
                + " cluster); none when absent.")
    String timeSeries;

    @Option(
        names = "--job-jar",
        description = "The job jar (default: stream-jobs/target/stream-jobs-*-job.jar).")
    Path jobJar;

    @Override
    public Integer call() throws Exception {
      Path jar = jobJar != null ? jobJar : defaultJobJar();
      if (!Files.isRegularFile(jar)) {
        throw argument(jar + ": no job jar; build it with ./mvnw -pl stream-jobs -am package");
      }
      Campus campus = new CampusLoader().loadCampus(config);
      int port = flink.getPort() > 0 ? flink.getPort() : 8081;
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createRemoteEnvironment(
              flink.getHost(), port, new Configuration(), jar.toString());
      new CampusJobPlan(
              campus,
              job.syncConfig(),
              job.sink(gateway, null),
              timeSeries == null ? null : TimeSeriesConfig.of(timeSeries),
              parent.context.clock())
          .define(env, job.rawSource(config, parent.context.clock()));
      JobClient client = env.executeAsync(CampusJobPlan.JOB_NAME);
      PrintWriter out = spec.commandLine().getOut();
      out.println(client.getJobID());
      out.flush();
      spec.commandLine()
          .getErr()
          .printf("submitted to %s; twins go to %s%n", flink, gateway)
          .flush();
      return 0;
    }
  }

  /** {@code greentwin jobs list --flink URL}: the cluster's jobs as Flink reports them. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs (JSON).")
  static final class ListJobs implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--flink", required = true, description = "REST URL of the JobManager.")
    URI flink;

    @Override
    public Integer call() throws Exception {
      spec.commandLine().getOut().println(rest(flink, "GET", "/jobs/overview"));
      return 0;
    }
  }

  /** {@code greentwin jobs cancel --flink URL ID}. */
  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a job.")
  static final class Cancel implements Callable<Integer> {
    @Option(names = "--flink", required = true, description = "REST URL of the JobManager.")
    URI flink;

    @Parameters(index = "0", description = "The job id.")
    String jobId;

    @Override
    public Integer call() throws Exception {
      if (!jobId.matches("[0-9a-f]{32}")) {
        throw argument("not a Flink job id: " + jobId);
      }
      rest(flink, "PATCH", "/jobs/" + jobId + "?mode=cancel");
      return 0;
    }
  }

  private static String rest(URI flink, String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(flink.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> r;
    try {
      r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.IO_FAILED, flink + ": Flink REST endpoint unreachable: " + e, null, e);
    }
    if (r.statusCode() >= 300) {
      throw new GreenTwinException(
          ErrorCode.IO_FAILED, method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** The job jar beside the build: {@code <greentwin.home>/stream-jobs/target/*-job.jar}. */
  static Path defaultJobJar() throws IOException {
    Path target =
        Path.of(System.getProperty("greentwin.home", ".")).resolve("stream-jobs").resolve("target");
    if (!Files.isDirectory(target)) {
      return target.resolve("stream-jobs-job.jar");
    }
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElse(target.resolve("stream-jobs-job.jar"));
    }
  }

  private static GreenTwinException argument(String message) {
    return new GreenTwinException(ErrorCode.ARGUMENT_INVALID, message);
  }
}
