package io.greentwin.gateway.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.thingsearch.model.SearchModelFactory;
import org.eclipse.ditto.thingsearch.model.SearchResultBuilder;

/**
 * Ditto's thing search over a collection of twins held in memory: filter, namespaces, sort, page
 * size, cursor and fields, answering with Ditto's {@code SearchResult} JSON ({@code items}, {@code
 * cursor} while more remain, {@code nextPageOffset} where Ditto sends it). One pass over the twins
 * keeps only the best {@code size + 1} matches in a heap; each twin's JSON comes from the {@link
 * ThingJsonCache}. Thread-safe.
 */
public final class ThingSearch {
  private final ThingJsonCache cache;

  public ThingSearch(ThingJsonCache cache) {
    this.cache = cache;
  }

  /** One page of results as Ditto's search result JSON; throws Ditto's 400s for bad input. */
  public JsonObject search(
      Collection<Thing> things, String filter, String namespaces, String option, String fields) {
    SearchOptions options = SearchOptions.parse(option);
    FieldSelection selection = FieldSelection.parse(fields);
    Set<String> ns = namespaces(namespaces);
    SearchCursor cursor = null;
    if (options.cursor() != null) {
      cursor = SearchCursor.decode(options.cursor());
      cursor.checkCompatible(filter, options);
      filter = cursor.filter();
      ns = cursor.namespaces();
    }
    SortOrder order = SortOrder.of(cursor != null ? cursor.sort() : options.sort());
    JsonValue[] after = cursor == null ? null : toArray(cursor.values());
    Page page = page(things, SearchFilter.parseOrAll(filter), ns, order, after, options);
    cache.retain(things);
    return result(page, options, cursor != null, filter, ns, order, selection);
  }

  /** How many twins match. */
  public long count(Collection<Thing> things, String filter, String namespaces) {
    SearchFilter f = SearchFilter.parseOrAll(filter);
    Set<String> ns = namespaces(namespaces);
    long n = 0;
    ThingJsonCache.Indexed all = cache.indexed(things);
    for (int i = 0; i < all.things().length; i++) {
      if (inNamespaces(all.things()[i], ns) && f.test(all.jsons()[i])) {
        n++;
      }
    }
    cache.retain(things);
    return n;
  }

  private record Hit(IndexedJson json, JsonValue[] keys) {}

  private record Page(List<Hit> hits, boolean more) {}

  private Page page(
      Collection<Thing> things,
      SearchFilter filter,
      Set<String> ns,
      SortOrder order,
      JsonValue[] after,
      SearchOptions options) {
    int keep = options.offset() + options.pageSize();
    PriorityQueue<Hit> worstFirst =
        new PriorityQueue<>(keep + 1, (a, b) -> order.compare(b.keys(), a.keys()));
    boolean more = false;
    ThingJsonCache.Indexed all = cache.indexed(things);
    for (int i = 0; i < all.things().length; i++) {
      if (!inNamespaces(all.things()[i], ns)) {
        continue;
      }
      IndexedJson json = all.jsons()[i];
      if (!filter.test(json)) {
        continue;
      }
      JsonValue[] keys = keys(order, json);
      if (after != null && order.compare(keys, after) <= 0) {
        continue;
      }
      if (worstFirst.size() == keep && order.compare(keys, worstFirst.peek().keys()) > 0) {
        more = true;
        continue;
      }
      worstFirst.add(new Hit(json, keys));
      if (worstFirst.size() > keep) {
        worstFirst.poll();
        more = true;
      }
    }
    List<Hit> best = new ArrayList<>(worstFirst);
    best.sort((a, b) -> order.compare(a.keys(), b.keys()));
    return new Page(best.subList(Math.min(options.offset(), best.size()), best.size()), more);
  }

  private static JsonObject result(
      Page page,
      SearchOptions options,
      boolean continued,
      String filter,
      Set<String> ns,
      SortOrder order,
      FieldSelection selection) {
    SearchResultBuilder result = SearchModelFactory.newSearchResultBuilder();
    page.hits().forEach(h -> result.add(selection.apply(h.json().json())));
    if (options.limit() != null) {
      long next = options.offset() + (long) options.pageSize();
      return result.nextPageOffset(page.more() ? next : -1L).build().toJson();
    }
    String next = null;
    if (page.more() && !page.hits().isEmpty()) {
      JsonValue[] last = page.hits().get(page.hits().size() - 1).keys();
      JsonArray values = JsonFactory.newArrayBuilder(Arrays.asList(last)).build();
      next = new SearchCursor(filter, ns, order.entries(), values).encode();
    }
    if (continued || options.size() != null) {
      result.nextPageOffset(null);
    } else {
      result.nextPageOffset(page.more() ? (long) options.pageSize() : -1L);
    }
    return result.cursor(next).build().toJson();
  }

  private static JsonValue[] keys(SortOrder order, IndexedJson json) {
    JsonValue[] keys = new JsonValue[order.fields().size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = order.fields().get(i).sortValue(json);
    }
    return keys;
  }

  private static JsonValue[] toArray(JsonArray values) {
    return values.stream().toArray(JsonValue[]::new);
  }

  private static boolean inNamespaces(Thing thing, Set<String> ns) {
    return ns == null || thing.getNamespace().filter(ns::contains).isPresent();
  }

  /** The {@code namespaces} parameter as a set, or null for all namespaces. */
  static Set<String> namespaces(String param) {
    if (param == null || param.isBlank()) {
      return null;
    }
    Set<String> set = new TreeSet<>();
    for (String n : param.split(",")) {
      if (!n.isBlank()) {
        set.add(n.trim());
      }
    }
    return set.isEmpty() ? null : set;
  }
}
