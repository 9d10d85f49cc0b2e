package io.greentwin.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The main of a gateway JVM of its own ({@link ChildGateway}): starts a {@link TwinGateway}
 * (honouring {@code -Dgreentwin.bench.store}), prints {@code endpoint ws://HOST:PORT}, answers each
 * {@code gc} line on its standard input with its {@link GcPauses}, and stops when its standard
 * input ends (the parent closed it, or died).
 */
public final class GatewayChild {
  /** The line that announces the endpoint. */
  static final String ENDPOINT = "endpoint ";

  private GatewayChild() {}

  public static void main(String[] args) throws Exception {
    // Standard output carries only this protocol: whatever else prints (logs) goes to stderr.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    try (TwinGateway gateway = TwinGateway.start();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      out.println(ENDPOINT + gateway.endpoint());
      String line;
      while ((line = in.readLine()) != null) {
        if (line.trim().equals("gc")) {
          out.println(GcPauses.now().line());
        }
      }
    }
    System.exit(0);
  }
}
