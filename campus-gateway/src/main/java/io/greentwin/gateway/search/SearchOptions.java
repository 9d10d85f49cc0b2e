package io.greentwin.gateway.search;

import java.util.List;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.rql.model.ParserException;
import org.eclipse.ditto.rql.parser.thingsearch.RqlOptionParser;
import org.eclipse.ditto.rql.query.things.ModelBasedThingsFieldExpressionFactory;
import org.eclipse.ditto.thingsearch.model.CursorOption;
import org.eclipse.ditto.thingsearch.model.LimitOption;
import org.eclipse.ditto.thingsearch.model.Option;
import org.eclipse.ditto.thingsearch.model.SizeOption;
import org.eclipse.ditto.thingsearch.model.SortOption;
import org.eclipse.ditto.thingsearch.model.SortOptionEntry;
import org.eclipse.ditto.thingsearch.model.signals.commands.exceptions.InvalidOptionException;

/**
 * The {@code option=} of a search, parsed by Ditto's {@code RqlOptionParser}: {@code sort(+a,-b)},
 * {@code size(n)} (default 25, at most 200), {@code cursor(c)}, and the deprecated {@code
 * limit(offset,count)}. Errors are Ditto's: a syntax error or an unknown sort field is {@code
 * rql.expression.invalid}, a bad size or cursor combination {@code
 * thing-search:search.option.invalid}, with the messages Ditto's search service uses.
 *
 * @param sort the sort entries as given (empty when none)
 * @param size the size option, or null
 * @param limit the limit option, or null
 * @param cursor the cursor, or null
 */
record SearchOptions(List<SortOptionEntry> sort, Integer size, LimitOption limit, String cursor) {
  static final int DEFAULT_SIZE = 25;
  static final int MAX_SIZE = 200;
  static final SearchOptions NONE = new SearchOptions(List.of(), null, null, null);
  static final String LIMIT_WITH_CURSOR =
      "The options 'cursor' and 'limit' must not be used together.";

  static SearchOptions parse(String option) {
    if (option == null || option.isBlank()) {
      return NONE;
    }
    List<Option> options;
    try {
      options = RqlOptionParser.parseOptions(option);
    } catch (ParserException | IllegalArgumentException e) {
      throw InvalidRqlExpressionException.newBuilder().message(e.getMessage()).cause(e).build();
    }
    List<SizeOption> sizes = all(SizeOption.class, options);
    List<CursorOption> cursors = all(CursorOption.class, options);
    List<LimitOption> limits = all(LimitOption.class, options);
    List<SortOption> sorts = all(SortOption.class, options);
    if (sizes.size() > 1) {
      throw invalid("There may not be more than 1 'size' option.");
    } else if (cursors.size() > 1) {
      throw invalidCursor("There may not be more than 1 'cursor' option.");
    } else if (!cursors.isEmpty() && !limits.isEmpty()) {
      throw invalidCursor(LIMIT_WITH_CURSOR);
    }
    Integer size = sizes.isEmpty() ? null : checkPageSize("size", sizes.get(0).getSize());
    LimitOption limit = limits.isEmpty() ? null : limits.get(0);
    if (limit != null) {
      checkPageSize("limit", limit.getCount());
    }
    List<SortOptionEntry> sort = sorts.isEmpty() ? List.of() : sorts.get(0).getEntries();
    sort.forEach(SearchOptions::checkSortField);
    return new SearchOptions(
        sort, size, limit, cursors.isEmpty() ? null : cursors.get(0).getCursor());
  }

  /** How many items a page holds. */
  int pageSize() {
    return limit != null ? limit.getCount() : size != null ? size : DEFAULT_SIZE;
  }

  /** How many items to skip (only the deprecated {@code limit} skips). */
  int offset() {
    return limit == null ? 0 : limit.getOffset();
  }

  static InvalidOptionException invalidCursor(String description) {
    return InvalidOptionException.newBuilder()
        .message("The option 'cursor' is not valid for the search request.")
        .description(description)
        .build();
  }

  private static int checkPageSize(String name, int value) {
    if (value <= 0) {
      throw invalid("The option '" + name + "' must be a positive integer.");
    } else if (value > MAX_SIZE) {
      throw invalid(
          "Parameter <"
              + name
              + "> must be less than or equal to <"
              + MAX_SIZE
              + "> but it was <"
              + value
              + ">!");
    }
    return value;
  }

  private static void checkSortField(SortOptionEntry entry) {
    String field = entry.getPropertyPath().toString().substring(1);
    try {
      ModelBasedThingsFieldExpressionFactory.getInstance().sortBy(field);
    } catch (IllegalArgumentException e) {
      throw InvalidRqlExpressionException.newBuilder().message(e.getMessage()).cause(e).build();
    }
  }

  private static InvalidOptionException invalid(String message) {
    return InvalidOptionException.newBuilder().message(message).build();
  }

  private static <T> List<T> all(Class<T> type, List<Option> options) {
    return options.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
