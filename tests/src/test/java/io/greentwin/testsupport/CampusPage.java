package io.greentwin.testsupport;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * The campus web UI in a new page of Chromium, signed in and drawn, its console errors collected.
 */
public final class CampusPage {
  /** How long a browser test waits for anything (software WebGL on two shared cores is slow). */
  public static final double WAIT_MS = 120_000;

  private CampusPage() {}

  /**
   * Opens the gateway's UI at 1280×720, signs in as {@code user} (password = user, as the demo
   * users have it) and waits until the campus is drawn; console errors and page errors go to {@code
   * errors}.
   */
  public static Page open(
      Chromium chromium, CampusGateway gateway, String user, List<String> errors) {
    return open(chromium, gateway, user, errors, 1280, 720);
  }

  /**
   * As {@link #open(Chromium, CampusGateway, String, List)}, in a {@code width}×{@code height}
   * page.
   */
  public static Page open(
      Chromium chromium,
      CampusGateway gateway,
      String user,
      List<String> errors,
      int width,
      int height) {
    Page page = chromium.newPage(width, height);
    page.setDefaultTimeout(WAIT_MS);
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type())) {
            errors.add(m.text());
          }
        });
    page.onPageError(e -> errors.add(String.valueOf(e)));
    page.navigate(gateway.httpUrl() + "/");
    page.fill("#login-user", user);
    page.fill("#login-password", user);
    page.click("#login-submit");
    page.waitForFunction("window.greentwin && window.greentwin.ready");
    return page;
  }

  /** Closes the browser, then the gateway; either may be null (a start skipped or failed). */
  public static void close(Chromium chromium, CampusGateway gateway) throws Exception {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (gateway != null) {
        gateway.close();
      }
    }
  }
}
