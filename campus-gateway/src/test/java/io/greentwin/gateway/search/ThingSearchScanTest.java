package io.greentwin.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A search over many twins scans two halves at once: the pages, counts of items, cursors and next
 * offsets are exactly those of the one-thread scan, for every filter, sort and page size.
 */
class ThingSearchScanTest {
  private final ExecutorService helper = Executors.newSingleThreadExecutor();
  private final AtomicInteger helped = new AtomicInteger();

  @AfterEach
  void stop() {
    helper.shutdownNow();
  }

  private static List<Thing> twins(int n) {
    Random random = new Random(3);
    List<Thing> things = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      things.add(
          ThingsModelFactory.newThing(
              JsonObject.of(
                  ("{\"thingId\":\"%s\",\"_revision\":1,"
                          + "\"attributes\":{\"hall\":\"H%d\",\"kw\":%d,\"late\":%s}}")
                      .formatted(
                          ThingId.of(i % 3 == 0 ? "campus.a" : "campus.b", "rack-" + i),
                          random.nextInt(8),
                          random.nextInt(50),
                          i >= n / 2))));
    }
    return things;
  }

  @Test
  void twoHalvesAtOnceAnswerExactlyAsOnePass() {
    List<Thing> things = twins(3_001);
    ThingSearch onePass = new ThingSearch(new ThingJsonCache(), Runnable::run, Integer.MAX_VALUE);
    ThingSearch halves =
        new ThingSearch(
            new ThingJsonCache(),
            r ->
                helper.execute(
                    () -> {
                      helped.incrementAndGet();
                      r.run();
                    }),
            100);
    String[] filters = {
      null,
      "eq(attributes/hall,\"H3\")",
      "and(gt(attributes/kw,40),ne(attributes/hall,\"H1\"))",
      "eq(attributes/late,true)", // every match in the second half
      "and(eq(attributes/late,false),lt(attributes/kw,3))" // every match in the first half
    };
    String[] options = {
      null,
      "size(7)",
      "sort(-attributes/kw),size(50)",
      "sort(+attributes/hall,-attributes/kw)",
      "limit(40,20)",
      "sort(-attributes/kw),limit(2990,25)"
    };
    for (String filter : filters) {
      for (String option : options) {
        for (String ns : new String[] {null, "campus.a"}) {
          assertThat(pages(halves, things, filter, ns, option))
              .as("%s %s %s", filter, option, ns)
              .isEqualTo(pages(onePass, things, filter, ns, option));
        }
      }
    }
    assertThat(helped.get()).isPositive();
  }

  /** Every page of a search, following cursors to the end (at most 20 pages). */
  private static List<JsonObject> pages(
      ThingSearch search, List<Thing> things, String filter, String ns, String option) {
    List<JsonObject> pages = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String next = option;
    for (int i = 0; i < 20 && next != null; i++) {
      JsonObject page = search.search(things, filter, ns, next, null);
      pages.add(page);
      page.getValue("items")
          .orElseThrow()
          .asArray()
          .forEach(t -> assertThat(seen.add(t.toString())).as("no twin twice").isTrue());
      String cursor = page.getValue("cursor").map(JsonValue::asString).orElse(null);
      next =
          cursor == null || option == null || option.contains("limit")
              ? null
              : "cursor(" + cursor + ")";
    }
    return pages;
  }
}
