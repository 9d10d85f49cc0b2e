package io.greentwin.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.search.TestGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web app's files and libraries as the real gateway serves them, without authentication. */
class WebUiApiTest {
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(g -> List.of(new WebUiApi()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void rootRedirectsToTheApp() {
    HttpResponse<Buffer> r =
        TestGateway.await(
            gateway.client.get(gateway.port(), "127.0.0.1", "/").followRedirects(false).send());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("Location")).isEqualTo("/ui/index.html");
  }

  @Test
  void servesTheAppAndEveryModuleOfItsImportMapFromTheJar() {
    HttpResponse<Buffer> index = gateway.get("/ui/index.html");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.getHeader("Content-Type")).startsWith("text/html");
    List<String> urls = importMapUrls(index.bodyAsString());
    // three, three/addons/ (a prefix: check a module under it), echarts
    assertThat(urls).hasSize(3);
    for (String url : urls) {
      String path = url.endsWith("/") ? url + "controls/OrbitControls.js" : url;
      HttpResponse<Buffer> module = gateway.get(path);
      assertThat(module.statusCode()).as(path).isEqualTo(200);
      assertThat(module.getHeader("Content-Type")).as(path).startsWith("text/javascript");
    }
    assertThat(gateway.get("/ui/js/app.js").statusCode()).isEqualTo(200);
    assertThat(gateway.get("/ui/style.css").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownFilesAreNotFound() {
    assertThat(gateway.get("/ui/nope.js").statusCode()).isEqualTo(404);
    assertThat(gateway.get("/webjars/three/0.0.0/build/three.module.js").statusCode())
        .isEqualTo(404);
  }

  private static List<String> importMapUrls(String html) {
    Matcher map = Pattern.compile("(?s)<script type=\"importmap\">(.*?)</script>").matcher(html);
    assertThat(map.find()).as("index.html has an import map").isTrue();
    Matcher url = Pattern.compile("\"(/webjars/[^\"]+)\"").matcher(map.group(1));
    List<String> urls = new ArrayList<>();
    while (url.find()) {
      urls.add(url.group(1));
    }
    return urls;
  }
}
