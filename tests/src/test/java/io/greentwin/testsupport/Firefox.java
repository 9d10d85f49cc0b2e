package io.greentwin.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Firefox ESR on a virtual X display (Xvfb), driven over W3C WebDriver BiDi — the protocol
 * Firefox speaks natively since 129 (no geckodriver, which Debian does not package and nothing here
 * can download; Playwright needs its own patched Firefox build). Just the commands a smoke test
 * needs: navigate, evaluate, screenshot, and the page's console errors. The binary is {@code
 * GREENTWIN_FIREFOX}, else {@code /usr/bin/firefox-esr}; a test that needs it is skipped, with the
 * reason, where there is none.
 */
public final class Firefox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Preferences of the throw-away profile: WebGL on the software rasteriser, and nothing that dials
   * out (this machine's network is closed; Firefox would retry for ever).
   */
  private static final List<String> PREFS =
      List.of(
          "user_pref(\"webgl.force-enabled\", true);",
          "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
          "user_pref(\"app.update.disabledForTesting\", true);",
          "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
          "user_pref(\"toolkit.telemetry.enabled\", false);",
          "user_pref(\"network.captive-portal-service.enabled\", false);",
          "user_pref(\"network.connectivity-service.enabled\", false);",
          "user_pref(\"browser.safebrowsing.update.enabled\", false);",
          "user_pref(\"extensions.update.enabled\", false);");

  private final Process process;
  private final Process display;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
  private String context;

  private Firefox(Process process, Process display, Path profile, URI endpoint) throws Exception {
    this.process = process;
    this.display = display;
    this.profile = profile;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(endpoint.resolve("/session"), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  /** The Firefox binary: {@code GREENTWIN_FIREFOX} when set, else Debian's ESR. */
  public static Path executable() {
    String configured = System.getenv("GREENTWIN_FIREFOX");
    return Path.of(
        configured != null && !configured.isBlank() ? configured : "/usr/bin/firefox-esr");
  }

  /**
   * Starts Firefox headless with a fresh profile and a {@code width}×{@code height} window, opens a
   * BiDi session and subscribes to console messages; skips the calling test without Firefox.
   */
  public static Firefox launch(int width, int height) throws Exception {
    Path exe = executable();
    Assumptions.assumeTrue(
        Files.isExecutable(exe),
        "no Firefox at " + exe + " (apt-get install firefox-esr, or set GREENTWIN_FIREFOX)");
    Path xvfb = Path.of("/usr/bin/Xvfb");
    Assumptions.assumeTrue(
        Files.isExecutable(xvfb),
        "no Xvfb at " + xvfb + " (apt-get install xvfb): headless Firefox has no WebGL here");
    Process display =
        new ProcessBuilder(
                xvfb.toString(),
                "-displayfd",
                "1",
                "-screen",
                "0",
                (width + 400) + "x" + (height + 400) + "x24",
                "-nolisten",
                "tcp")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String number =
        new BufferedReader(new InputStreamReader(display.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    if (number == null) {
      display.destroyForcibly();
      throw new IllegalStateException("Xvfb did not start");
    }
    Path profile = Files.createTempDirectory("greentwin-firefox");
    Files.write(profile.resolve("user.js"), PREFS);
    ProcessBuilder firefox =
        new ProcessBuilder(
                exe.toString(),
                "--new-instance",
                "--no-remote",
                "--profile",
                profile.toString(),
                "--remote-debugging-port",
                "0",
                "about:blank")
            .redirectErrorStream(true);
    firefox.environment().put("DISPLAY", ":" + number.trim());
    Process p = firefox.start();
    URI endpoint = awaitEndpoint(p);
    return session(new Firefox(p, display, profile, endpoint), width, height);
  }

  private static Firefox session(Firefox firefox, int width, int height) throws Exception {
    firefox.command("session.new", JSON.createObjectNode().set("capabilities", obj()));
    firefox.context =
        firefox.command("browsingContext.getTree", obj()).at("/contexts/0/context").asText();
    ObjectNode viewport = obj().put("context", firefox.context);
    viewport.putObject("viewport").put("width", width).put("height", height);
    firefox.command("browsingContext.setViewport", viewport);
    ObjectNode subscribe = obj();
    subscribe.putArray("events").add("log.entryAdded");
    firefox.command("session.subscribe", subscribe);
    return firefox;
  }

  /** Reads Firefox's output until it names its BiDi endpoint; drains the rest in the background. */
  private static URI awaitEndpoint(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Instant until = Instant.now().plusSeconds(60);
    String line;
    while ((line = out.readLine()) != null && Instant.now().isBefore(until)) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> drain(out), "firefox-output");
        drain.setDaemon(true);
        drain.start();
        return URI.create(m.group(1));
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("Firefox did not open its WebDriver BiDi endpoint");
  }

  private static void drain(BufferedReader out) {
    try (out) {
      while (out.readLine() != null) {
        // Firefox's own diagnostics (no network here): not the page's console
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Navigates the window to {@code url} and waits for the page's load event. */
  public void navigate(String url) throws Exception {
    ObjectNode params = obj().put("context", context).put("url", url).put("wait", "complete");
    command("browsingContext.navigate", params);
  }

  /**
   * Evaluates {@code expression} in the page (promises awaited) and returns its value as JSON
   * ({@code JSON.stringify}); a script error fails with the page's message.
   */
  public JsonNode evaluate(String expression) throws Exception {
    ObjectNode params =
        obj().put("expression", "(async () => JSON.stringify(await (" + expression + ")))()");
    params.putObject("target").put("context", context);
    params.put("awaitPromise", true);
    JsonNode r = command("script.evaluate", params);
    if (!"success".equals(r.path("type").asText())) {
      throw new AssertionError(
          "script failed: " + r.path("exceptionDetails").path("text").asText());
    }
    JsonNode value = r.path("result");
    return "string".equals(value.path("type").asText())
        ? JSON.readTree(value.path("value").asText())
        : JSON.nullNode();
  }

  /** Polls {@code condition} (a JavaScript expression) until it is truthy. */
  public void waitFor(String condition, Duration max) throws Exception {
    Instant until = Instant.now().plus(max);
    while (!evaluate("!!(" + condition + ")").asBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError(
            "not true within " + max + ": " + condition + "; console errors: " + consoleErrors);
      }
      Thread.sleep(200);
    }
  }

  /** A PNG of the window's viewport. */
  public byte[] screenshot() throws Exception {
    JsonNode r = command("browsingContext.captureScreenshot", obj().put("context", context));
    return Base64.getDecoder().decode(r.path("data").asText());
  }

  /** The page's console errors and uncaught exceptions so far. */
  public List<String> consoleErrors() {
    return List.copyOf(consoleErrors);
  }

  private JsonNode command(String method, ObjectNode params) throws Exception {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = obj().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode r = reply.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(
          method + ": " + r.path("error").asText() + ": " + r.path("message").asText());
    }
    return r.path("result");
  }

  private void received(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asLong());
      if (reply != null) {
        reply.complete(message);
      }
    } else if ("log.entryAdded".equals(message.path("method").asText())) {
      JsonNode entry = message.path("params");
      if ("error".equals(entry.path("level").asText())) {
        consoleErrors.add(entry.path("text").asText());
      }
    }
  }

  private static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Firefox may be gone already
    }
    for (Process p : List.of(process, display)) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    try (Stream<Path> walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Assembles BiDi's text frames into messages. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          received(JSON.readTree(text.toString()));
        } catch (IOException e) {
          throw new IllegalStateException("Firefox sent malformed JSON", e);
        } finally {
          text.setLength(0);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
