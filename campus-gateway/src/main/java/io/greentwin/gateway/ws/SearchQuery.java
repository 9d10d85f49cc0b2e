package io.greentwin.gateway.ws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonCollectors;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.rql.parser.thingsearch.RqlOptionParser;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.thingsearch.model.CursorOption;
import org.eclipse.ditto.thingsearch.model.LimitOption;
import org.eclipse.ditto.thingsearch.model.Option;
import org.eclipse.ditto.thingsearch.model.SizeOption;
import org.eclipse.ditto.thingsearch.model.SortOption;
import org.eclipse.ditto.thingsearch.model.SortOptionEntry;
import org.eclipse.ditto.thingsearch.model.signals.commands.exceptions.InvalidOptionException;
import org.eclipse.ditto.thingsearch.model.signals.commands.subscription.CreateSubscription;

/**
 * One search as Ditto's search protocol states it: RQL {@code filter}, {@code namespaces}, the
 * {@code sort(…)} and {@code size(…)} options (default 25, at most 200 per page; default order
 * {@code +thingId}) and the {@code fields} of each item. Evaluates over a collection of things and
 * cuts the result into pages.
 */
final class SearchQuery {
  static final int DEFAULT_PAGE_SIZE = 25;
  static final int MAX_PAGE_SIZE = 200;
  private static final Comparator<Thing> BY_ID =
      Comparator.comparing(t -> t.getEntityId().map(Object::toString).orElse(""));

  private final RqlThingFilter filter;
  private final Set<String> namespaces;
  private final Comparator<Thing> order;
  private final int pageSize;
  private final Optional<JsonFieldSelector> fields;

  private SearchQuery(
      RqlThingFilter filter,
      Set<String> namespaces,
      Comparator<Thing> order,
      int pageSize,
      Optional<JsonFieldSelector> fields) {
    this.filter = filter;
    this.namespaces = namespaces;
    this.order = order;
    this.pageSize = pageSize;
    this.fields = fields;
  }

  /** The query a subscribe command states; throws Ditto's exception for a bad filter or option. */
  static SearchQuery of(CreateSubscription cmd) {
    DittoHeaders h = cmd.getDittoHeaders();
    RqlThingFilter filter = RqlThingFilter.parse(cmd.getFilter().orElse(null), h);
    List<Option> options = options(cmd.getOptions().orElse(""), h);
    Comparator<Thing> order = BY_ID;
    int size = DEFAULT_PAGE_SIZE;
    for (Option o : options) {
      if (o instanceof SortOption s) {
        order = sort(s).thenComparing(BY_ID);
      } else if (o instanceof SizeOption s) {
        size = s.getSize();
      } else if (o instanceof LimitOption || o instanceof CursorOption) {
        throw invalidOption("Only sort(…) and size(…) apply to a search subscription.", h);
      }
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw invalidOption("size(…) must be between 1 and " + MAX_PAGE_SIZE + ".", h);
    }
    return new SearchQuery(
        filter, cmd.getNamespaces().orElse(Set.of()), order, size, cmd.getSelectedFields());
  }

  /** The matching things, sorted, as pages of item JSON. */
  List<JsonArray> pages(Collection<Thing> things) {
    List<JsonValue> items =
        things.stream()
            .filter(this::inNamespace)
            .filter(filter::test)
            .sorted(order)
            .map(t -> (JsonValue) FieldSelection.thing(t, fields))
            .toList();
    List<JsonArray> pages = new ArrayList<>();
    for (int i = 0; i < items.size(); i += pageSize) {
      pages.add(
          items.subList(i, Math.min(items.size(), i + pageSize)).stream()
              .collect(JsonCollectors.valuesToArray()));
    }
    return pages;
  }

  private boolean inNamespace(Thing t) {
    return namespaces.isEmpty()
        || t.getEntityId().map(id -> namespaces.contains(id.getNamespace())).orElse(false);
  }

  private static List<Option> options(String options, DittoHeaders h) {
    if (options.isBlank()) {
      return List.of();
    }
    try {
      return RqlOptionParser.parseOptions(options);
    } catch (RuntimeException e) {
      throw invalidOption(String.valueOf(e.getMessage()), h);
    }
  }

  private static Comparator<Thing> sort(SortOption sort) {
    Comparator<Thing> c = (a, b) -> 0;
    for (SortOptionEntry e : sort.getEntries()) {
      Comparator<Thing> one = Comparator.comparing(t -> sortValue(t, e.getPropertyPath()), JSON);
      c = c.thenComparing(e.getOrder() == SortOptionEntry.SortOrder.DESC ? one.reversed() : one);
    }
    return c;
  }

  private static JsonValue sortValue(Thing t, JsonPointer path) {
    return t.toJson(JsonSchemaVersion.V_2, FieldType.regularOrSpecial())
        .getValue(path)
        .orElse(JsonValue.nullLiteral());
  }

  /** Missing and null first, then booleans, numbers, strings, and anything else by its text. */
  private static final Comparator<JsonValue> JSON =
      Comparator.comparingInt(SearchQuery::rank)
          .thenComparing(
              (a, b) -> {
                if (a.isNumber()) {
                  return Double.compare(a.asDouble(), b.asDouble());
                }
                if (a.isBoolean()) {
                  return Boolean.compare(a.asBoolean(), b.asBoolean());
                }
                return (a.isString() ? a.asString() : a.toString())
                    .compareTo(b.isString() ? b.asString() : b.toString());
              });

  private static int rank(JsonValue v) {
    if (v.isNull()) {
      return 0;
    }
    if (v.isBoolean()) {
      return 1;
    }
    if (v.isNumber()) {
      return 2;
    }
    return v.isString() ? 3 : 4;
  }

  private static InvalidOptionException invalidOption(String message, DittoHeaders h) {
    return InvalidOptionException.newBuilder().message(message).dittoHeaders(h).build();
  }
}
