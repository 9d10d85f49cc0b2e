package io.greentwin.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TwinGateway} in a JVM of its own (this class path, the given JVM options), as a real
 * client meets a gateway: the client's allocation and collections no longer share a heap with the
 * gateway's. Its standard error is inherited; closing this ends it.
 */
public final class ChildGateway implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintStream in;
  private final String endpoint;

  private ChildGateway(Process process) throws IOException {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.endpoint = readEndpoint();
  }

  /** Starts a gateway JVM with {@code jvmOptions} (e.g. {@code -Xmx1g}) and waits for its port. */
  public static ChildGateway start(List<String> jvmOptions) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(GatewayChild.class.getName());
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    try {
      return new ChildGateway(p);
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** The endpoint the Ditto client is given (it appends {@code /ws/2}). */
  public String endpoint() {
    return endpoint;
  }

  /** The gateway JVM's garbage collections so far. */
  public GcPauses gcPauses() {
    in.println("gc");
    try {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the gateway JVM exited");
      }
      return GcPauses.parse(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True while the gateway JVM runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  private String readEndpoint() throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(GatewayChild.ENDPOINT)) {
        return line.substring(GatewayChild.ENDPOINT.length()).trim();
      }
    }
    throw new IOException("the gateway JVM exited before it listened");
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
