package io.greentwin.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless: the system's binary ({@code /usr/bin/chromium},
 * or {@code GREENTWIN_CHROMIUM}); Playwright never downloads a browser. WebGL runs on SwiftShader.
 * A test that needs it is skipped, with the reason, where there is no Chromium.
 */
public final class Chromium implements AutoCloseable {
  /** The flags Chromium needs here: software WebGL, no sandbox (root), nothing that dials out. */
  public static final List<String> ARGS =
      List.of(
          "--use-angle=swiftshader",
          "--enable-unsafe-swiftshader",
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** The Chromium binary: {@code GREENTWIN_CHROMIUM} when set, else Debian's. */
  public static Path executable() {
    String configured = System.getenv("GREENTWIN_CHROMIUM");
    return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
  }

  /** Launches Chromium headless, or skips the calling test when it is not installed. */
  public static Chromium launch() {
    Path exe = executable();
    Assumptions.assumeTrue(
        Files.isExecutable(exe),
        "no Chromium at " + exe + " (apt-get install chromium, or set GREENTWIN_CHROMIUM)");
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(exe)
                      .setHeadless(true)
                      .setArgs(ARGS));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A new page in a fresh context (its own sessionStorage) with the given viewport. */
  public Page newPage(int width, int height) {
    return browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
