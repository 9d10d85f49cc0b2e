package io.greentwin.gateway.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonCollectors;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.rql.parser.thingsearch.RqlOptionParser;
import org.eclipse.ditto.thingsearch.model.SortOption;
import org.eclipse.ditto.thingsearch.model.SortOptionEntry;

/**
 * An opaque search cursor as Ditto's search service makes them: the filter, the namespaces, the
 * full sort order and the sort values of the last item delivered, as deflated JSON in URL-safe
 * Base64. Stateless: the next page is "everything after these values", so paging neither repeats
 * nor skips an unchanged thing, whichever server answers.
 */
record SearchCursor(
    String filter, Set<String> namespaces, List<SortOptionEntry> sort, JsonArray values) {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  String encode() {
    JsonObjectBuilder json = JsonFactory.newObjectBuilder();
    if (filter != null) {
      json.set("F", filter);
    }
    if (namespaces != null) {
      json.set("N", namespaces.stream().map(JsonValue::of).collect(JsonCollectors.valuesToArray()));
    }
    json.set("S", RqlOptionParser.unparse(List.of(SortOption.of(sort))));
    json.set("V", values);
    return ENCODER.encodeToString(deflate(json.build().toString()));
  }

  static SearchCursor decode(String cursor) {
    try {
      JsonObject json = JsonFactory.newObject(inflate(Base64.getUrlDecoder().decode(cursor)));
      List<SortOptionEntry> sort =
          RqlOptionParser.parseOptions(
                  json.getValueOrThrow(JsonFactory.newStringFieldDefinition("S")))
              .stream()
              .filter(SortOption.class::isInstance)
              .map(o -> ((SortOption) o).getEntries())
              .findFirst()
              .orElseThrow();
      JsonArray values = json.getValueOrThrow(JsonFactory.newJsonArrayFieldDefinition("V"));
      if (values.getSize() != sort.size()) {
        throw new IllegalArgumentException("sort and values differ in size");
      }
      Set<String> namespaces =
          json.getValue(JsonFactory.newJsonArrayFieldDefinition("N"))
              .map(a -> new TreeSet<>(a.stream().map(JsonValue::asString).toList()))
              .orElse(null);
      String filter = json.getValue(JsonFactory.newStringFieldDefinition("F")).orElse(null);
      return new SearchCursor(filter, namespaces, sort, values);
    } catch (RuntimeException | DataFormatException e) {
      // Like Ditto: offer no explanation for a cursor that cannot be decoded.
      throw SearchOptions.invalidCursor("The cursor could not be read.");
    }
  }

  /**
   * Rejects a request whose filter or sort differs from this cursor's, or that has a limit (Ditto's
   * rules: the request may only change the size and the fields).
   */
  void checkCompatible(String requestFilter, SearchOptions options) {
    if (requestFilter != null && !Objects.equals(requestFilter, filter)) {
      throw SearchOptions.invalidCursor(
          "The parameter 'filter' must not differ from the original query of the cursor.");
    } else if (!options.sort().isEmpty() && !SortOrder.normalize(options.sort()).equals(sort)) {
      throw SearchOptions.invalidCursor(
          "The option 'sort' must not differ from the original query of the cursor.");
    }
  }

  private static byte[] deflate(String s) {
    Deflater deflater = new Deflater();
    deflater.setInput(s.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[512];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static String inflate(byte[] bytes) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[512];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated cursor");
        }
        out.write(buf, 0, n);
        if (out.size() > 64 * 1024) {
          throw new DataFormatException("cursor too large");
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      inflater.end();
    }
  }
}
